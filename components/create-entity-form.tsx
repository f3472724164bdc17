"use client";

import { useRouter } from "next/navigation";
import { createEntity } from "@/lib/features/entities/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, inputClass, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { ENTITY_KINDS } from "@/lib/domain/claims.ts";

export function CreateEntityForm({ investigationId, slug }: { investigationId: string; slug: string }) {
  const router = useRouter();
  const {
    state,
    pending,
    fieldErrors: errors,
    formProps,
  } = useFormAction(createEntity, {
    onSuccess: (r) => router.push(`/investigations/${slug}/entities/${r.id}`),
  });
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="investigationId" value={investigationId} />
      <Field id="entity-name" label="Name" errors={errors?.name}>
        <TextInput id="entity-name" name="name" errors={errors?.name} placeholder="Canonical name, e.g. Emil Michael" />
      </Field>
      <Field id="entity-kind" label="Kind">
        <select id="entity-kind" name="kind" defaultValue="person" className={inputClass}>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </Field>
      <FormMessage state={state && !state.ok ? state : null} />
      <Button type="submit" pending={pending} pendingLabel="Creating…">
        Create entity
      </Button>
    </form>
  );
}
