import type { ActionResult } from "@/lib/domain/action-result.ts";

/** The form-level outcome of an action, announced to screen readers as it changes. */
export function FormMessage({ state, success }: { state: ActionResult | null; success?: string }) {
  return (
    <div aria-live="polite" role="status" className="empty:hidden">
      {state && !state.ok && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200">{summary(state)}</p>
      )}
      {state?.ok && success && (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">{success}</p>
      )}
    </div>
  );
}

/** A message its field already shows is not said twice: the form says where to look instead. */
function summary(state: ActionResult & { ok: false }): string {
  const fieldMessages = Object.values(state.fieldErrors ?? {}).flat();
  return fieldMessages.includes(state.message) ? "Check the field marked above." : state.message;
}
