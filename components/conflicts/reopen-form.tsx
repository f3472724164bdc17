"use client";

import { reopenConflict } from "@/lib/features/conflicts/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, TextArea } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

export function ReopenForm({ investigationId, conflictId, version }: { investigationId: string; conflictId: string; version: number }) {
  const reopen = useFormAction(reopenConflict, { resetOnSuccess: true });
  return (
    <form {...reopen.formProps} className="space-y-3">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="id" value={conflictId} />
      <input type="hidden" name="version" value={version} />
      <Field id="reopen-reason" label="Why reopen it?" errors={reopen.fieldErrors?.reason}>
        <TextArea id="reopen-reason" name="reason" rows={3} errors={reopen.fieldErrors?.reason} />
      </Field>
      <FormMessage state={reopen.state && !reopen.state.ok ? reopen.state : null} />
      <Button type="submit" variant="secondary" pending={reopen.pending}>
        Reopen conflict
      </Button>
    </form>
  );
}
