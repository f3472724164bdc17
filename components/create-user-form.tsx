"use client";

import { createUser } from "@/lib/features/users/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, inputClass, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { OneTimeLink } from "@/components/one-time-link.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { PASSWORD_MIN } from "@/lib/domain/inputs.ts";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/domain/roles.ts";

export function CreateUserForm() {
  const { state, pending, fieldErrors: errors, formProps } = useFormAction(createUser, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-4">
      <Field id="new-name" label="Name" errors={errors?.name}>
        <TextInput id="new-name" name="name" autoComplete="off" errors={errors?.name} />
      </Field>
      <Field id="new-email" label="Email" errors={errors?.email}>
        <TextInput id="new-email" name="email" type="email" autoComplete="off" errors={errors?.email} />
      </Field>
      <Field
        id="new-role"
        label="Role"
        hint={ROLES.map((r) => `${ROLE_LABELS[r]}: ${ROLE_DESCRIPTIONS[r].toLowerCase()}.`).join(" ")}
        errors={errors?.role}
      >
        <select id="new-role" name="role" defaultValue="analyst" aria-describedby="new-role-hint" className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="new-password"
        label="Initial password (optional)"
        hint={`At least ${PASSWORD_MIN} characters, shared privately. Leave it empty to get a one-time link with which they set their own.`}
        errors={errors?.password}
      >
        <TextInput id="new-password" name="password" type="password" autoComplete="new-password" hint errors={errors?.password} />
      </Field>
      <FormMessage state={state} success={state?.ok ? `Account created for ${state.email}.` : undefined} />
      {state?.ok && state.invite && <OneTimeLink {...state.invite} email={state.email} />}
      <Button type="submit" pending={pending} pendingLabel="Creating…">
        Create account
      </Button>
    </form>
  );
}
