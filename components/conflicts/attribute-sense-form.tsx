"use client";

import { Button } from "@/components/button.tsx";
import { describedBy, Field, inputClass } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { type AttributeSense, type AttributeSetting, SENSE_LABELS } from "@/lib/domain/attribute-sense.ts";
import { setAttributeSense } from "@/lib/features/attributes/actions.ts";

const FIELDS = [
  { name: "cardinality", label: "Values" },
  { name: "change", label: "Over time" },
  { name: "lists", label: "Lists" },
] as const;

/**
 * How an attribute behaves, as detection infers it and as a reviewer may set it: each select
 * offers "as inferred" (with what that is) or a fixed choice. Saving re-examines every claim
 * under the attribute, so the conflicts on screen follow.
 */
export function AttributeSenseForm({
  investigationId,
  attributeKey,
  inferred,
  setting,
}: {
  investigationId: string;
  attributeKey: string;
  inferred: AttributeSense;
  setting: AttributeSetting | null;
}) {
  const save = useFormAction(setAttributeSense);
  return (
    <form {...save.formProps} className="space-y-3">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="key" value={attributeKey} />
      {FIELDS.map(({ name, label }) => {
        const options = SENSE_LABELS[name] as Record<string, string>;
        return (
          <Field key={name} id={`sense-${name}`} label={label} errors={save.fieldErrors?.[name]}>
            <select
              id={`sense-${name}`}
              name={name}
              defaultValue={setting?.[name] ?? ""}
              aria-describedby={describedBy(`sense-${name}`, save.fieldErrors?.[name])}
              aria-invalid={save.fieldErrors?.[name] ? true : undefined}
              className={inputClass}
            >
              <option value="">As inferred: {options[inferred[name]]}</option>
              {Object.entries(options).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </Field>
        );
      })}
      <FormMessage
        state={save.state}
        success={save.state?.ok && !save.state.changed ? "Nothing changed." : "Saved; detection has looked again."}
      />
      <Button type="submit" variant="secondary" pending={save.pending} pendingLabel="Saving…">
        Save how it behaves
      </Button>
    </form>
  );
}
