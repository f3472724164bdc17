/**
 * Who a row is about, in the account and member lists: name (with "(you)" and a Disabled tag when
 * they apply), e-mail, and the row's last refusal under them.
 */
export function PersonCell({
  person,
  failure,
}: {
  person: { name: string; email: string; isSelf: boolean; disabled?: boolean };
  failure?: { ok: false; message: string } | null;
}) {
  return (
    <div className="min-w-0">
      <div className="font-medium text-slate-900">
        {person.name} {person.isSelf && <span className="text-xs font-normal text-slate-500">(you)</span>}
        {person.disabled && <span className="ml-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">Disabled</span>}
      </div>
      <div className="truncate text-xs text-slate-600" title={person.email}>
        {person.email}
      </div>
      {failure && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {failure.message}
        </p>
      )}
    </div>
  );
}
