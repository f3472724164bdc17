"use client";

import { signIn } from "@/lib/features/session/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

export function SignInForm({ next }: { next?: string }) {
  const { state, pending, fieldErrors: errors, formProps } = useFormAction(signIn);
  return (
    <form {...formProps} className="space-y-5">
      {next && <input type="hidden" name="next" value={next} />}
      <Field id="email" label="Email" errors={errors?.email}>
        <TextInput id="email" type="email" autoComplete="username" required autoFocus errors={errors?.email} />
      </Field>
      <Field id="password" label="Password" errors={errors?.password}>
        <TextInput id="password" type="password" autoComplete="current-password" required errors={errors?.password} />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </Button>
    </form>
  );
}
