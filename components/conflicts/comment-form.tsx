"use client";

import { commentOnConflict } from "@/lib/features/conflicts/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, TextArea } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

export function CommentForm({ investigationId, conflictId }: { investigationId: string; conflictId: string }) {
  const comment = useFormAction(commentOnConflict, { resetOnSuccess: true });
  return (
    <form {...comment.formProps} className="space-y-2">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="conflictId" value={conflictId} />
      <Field id="comment-body" label="Add to the discussion" errors={comment.fieldErrors?.body}>
        <TextArea id="comment-body" name="body" rows={3} errors={comment.fieldErrors?.body} />
      </Field>
      <FormMessage state={comment.state && !comment.state.ok ? comment.state : null} />
      <Button type="submit" variant="secondary" pending={comment.pending}>
        Comment
      </Button>
    </form>
  );
}
