"use client";

import { addAlias, removeAlias } from "@/lib/features/entities/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

/** An entity's other names: add one as a source writes it, or remove one. */
export function EntityAliases({
  investigationId,
  entityId,
  aliases,
  readOnly = false,
}: {
  investigationId: string;
  entityId: string;
  aliases: { id: string; name: string }[];
  /** A viewer's: the names, nothing to add or remove. */
  readOnly?: boolean;
}) {
  const add = useFormAction(addAlias, { resetOnSuccess: true });
  return (
    <div className="space-y-3">
      {aliases.length === 0 ? (
        <p className="text-sm text-slate-500">No aliases yet.</p>
      ) : (
        <ul aria-label="Aliases" className="flex flex-wrap gap-2">
          {aliases.map((alias) => (
            <AliasChip key={alias.id} investigationId={investigationId} alias={alias} readOnly={readOnly} />
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <form {...add.formProps} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="investigationId" value={investigationId} />
          <input type="hidden" name="entityId" value={entityId} />
          <div className="min-w-48 flex-1">
            <Field id="alias-name" label="New alias" errors={add.fieldErrors?.name}>
              <TextInput id="alias-name" name="name" placeholder="e.g. the Pentagon's Michael" errors={add.fieldErrors?.name} />
            </Field>
          </div>
          <Button type="submit" variant="secondary" pending={add.pending}>
            Add alias
          </Button>
        </form>
      )}
      <FormMessage state={add.state && !add.state.ok && !add.fieldErrors ? add.state : null} />
    </div>
  );
}

function AliasChip({
  investigationId,
  alias,
  readOnly,
}: {
  investigationId: string;
  alias: { id: string; name: string };
  readOnly: boolean;
}) {
  const remove = useFormAction(removeAlias);
  if (readOnly) return <li className="rounded-full bg-slate-100 px-3 py-0.5 text-sm text-slate-800">{alias.name}</li>;
  return (
    <li className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-3 text-sm text-slate-800">
      {alias.name}
      <form {...remove.formProps}>
        <input type="hidden" name="investigationId" value={investigationId} />
        <input type="hidden" name="aliasId" value={alias.id} />
        <button
          type="submit"
          aria-label={`Remove alias ${alias.name}`}
          disabled={remove.pending}
          className="flex size-6 items-center justify-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-900"
        >
          ✕
        </button>
      </form>
    </li>
  );
}
