"use client";

import { setPartOf } from "@/lib/features/entities/actions.ts";
import { Button } from "@/components/button.tsx";
import { describedBy, Field, inputClass } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

/**
 * What this entity is part of (a town in its county), chosen among the investigation's other
 * entities; "nothing" clears it. Entities inside this one are not offered: that would be a cycle.
 */
export function EntityPartOfForm({
  investigationId,
  entity,
  wholes,
}: {
  investigationId: string;
  entity: { id: string; name: string; version: number; partOf: { id: string; name: string } | null };
  wholes: { id: string; name: string; kind: string }[];
}) {
  const save = useFormAction(setPartOf);
  const errors = save.fieldErrors?.partOfId;
  const hint = `Values naming ${entity.name} and a place it is in are then granularity, not a contradiction.`;
  return (
    <form {...save.formProps} className="space-y-3">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="entityId" value={entity.id} />
      <input type="hidden" name="version" value={entity.version} />
      <Field id="part-of" label={`${entity.name} is part of`} hint={hint} errors={errors}>
        <select
          id="part-of"
          name="partOfId"
          defaultValue={entity.partOf?.id ?? ""}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy("part-of", errors, true)}
          className={inputClass}
        >
          <option value="">Nothing (not part of another entity)</option>
          {wholes.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.kind})
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" variant="secondary" pending={save.pending}>
        Save
      </Button>
      {/* A refusal tied to the choice shows under the select; any other, here. */}
      <FormMessage state={save.state && (save.state.ok || !errors?.length) ? save.state : null} success="Saved." />
    </form>
  );
}
