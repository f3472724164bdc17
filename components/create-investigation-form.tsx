"use client";

import { useRouter } from "next/navigation";
import { createInvestigation } from "@/lib/features/investigations/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, TextArea, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

export function CreateInvestigationForm() {
  const router = useRouter();
  const {
    state,
    pending,
    fieldErrors: errors,
    formProps,
  } = useFormAction(createInvestigation, {
    onSuccess: (result) => router.push(`/investigations/${result.slug}`),
  });
  return (
    <form {...formProps} className="space-y-4">
      <Field id="title" label="Title" errors={errors?.title}>
        <TextInput id="title" required placeholder="e.g. Anthropic and the Pentagon" errors={errors?.title} />
      </Field>
      <Field
        id="slug"
        label="Short name (optional)"
        hint="Used in the address, followed by a few random letters; made from the title if left empty."
        errors={errors?.slug}
      >
        <TextInput id="slug" placeholder="anthropic-pentagon" hint errors={errors?.slug} />
      </Field>
      <Field id="description" label="Description (optional)" errors={errors?.description}>
        <TextArea id="description" rows={3} errors={errors?.description} />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Creating…">
        Create investigation
      </Button>
    </form>
  );
}
