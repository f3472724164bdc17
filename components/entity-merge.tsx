"use client";

import { useState } from "react";
import { mergeEntities, undoMerge } from "@/lib/features/entities/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, inputClass } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

/** Merge this entity into another (its claims and names move there), with a confirmation step. */
export function MergeEntityForm({
  investigationId,
  entity,
  others,
}: {
  investigationId: string;
  entity: { id: string; name: string };
  others: { id: string; name: string; kind: string }[];
}) {
  const [targetId, setTargetId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const merge = useFormAction(mergeEntities);
  const target = others.find((o) => o.id === targetId);
  return (
    <form {...merge.formProps} className="space-y-3">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="sourceId" value={entity.id} />
      <Field id="merge-target" label={`Merge ${entity.name} into`} errors={merge.fieldErrors?.targetId}>
        <select
          id="merge-target"
          name="targetId"
          value={targetId}
          onChange={(e) => {
            setTargetId(e.target.value);
            setConfirming(false);
          }}
          className={inputClass}
        >
          <option value="">Choose an entity…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.kind})
            </option>
          ))}
        </select>
      </Field>
      {confirming && target ? (
        <div className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <p>
            All claims about {entity.name} will be about {target.name}, and “{entity.name}” becomes one of its aliases. You can undo this
            from {target.name}&apos;s page.
          </p>
          <div className="flex gap-2">
            <Button type="submit" pending={merge.pending} autoFocus>
              Merge into {target.name}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" disabled={!target} onClick={() => setConfirming(true)}>
          Merge…
        </Button>
      )}
      <FormMessage state={merge.state && !merge.state.ok ? merge.state : null} />
    </form>
  );
}

export function UndoMergeButton({ investigationId, mergeId, label }: { investigationId: string; mergeId: string; label: string }) {
  const undo = useFormAction(undoMerge);
  return (
    <form {...undo.formProps} className="inline">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="mergeId" value={mergeId} />
      <Button type="submit" variant="secondary" pending={undo.pending} className="py-1 text-xs">
        {label}
      </Button>
      <FormMessage state={undo.state && !undo.state.ok ? undo.state : null} />
    </form>
  );
}
