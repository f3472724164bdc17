"use client";

import Link from "next/link";
import { setPasswordWithLink } from "@/lib/features/users/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { PASSWORD_MIN } from "@/lib/domain/inputs.ts";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const { state, pending, fieldErrors: errors, formProps } = useFormAction(setPasswordWithLink);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <p className="font-medium text-slate-900">Your password is set.</p>
        {state.disabled ? (
          <p className="text-slate-700">Your account is disabled for now: an admin has to enable it before you can sign in.</p>
        ) : (
          <p>
            <Link href="/sign-in" className="text-indigo-700 underline">
              Sign in as {state.email}
            </Link>
          </p>
        )}
      </div>
    );
  }
  return (
    <form {...formProps} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field id="password" label="New password" hint={`At least ${PASSWORD_MIN} characters.`} errors={errors?.password}>
        <TextInput id="password" type="password" autoComplete="new-password" required autoFocus errors={errors?.password} />
      </Field>
      <Field id="confirm" label="The same password again" errors={errors?.confirm}>
        <TextInput id="confirm" type="password" autoComplete="new-password" required errors={errors?.confirm} />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Saving…" className="w-full">
        Set password
      </Button>
    </form>
  );
}
