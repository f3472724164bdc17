"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/domain/action-result.ts";

/**
 * The one way our forms call their action. Unlike a bare `<form action>`, a failed submit keeps
 * everything the person typed (React resets uncontrolled fields after a form action); the form
 * is cleared only on success, when asked. After a refused submit, focus moves to the first field
 * marked invalid.
 */
export function useFormAction<R extends object>(
  action: (form: FormData) => Promise<ActionResult<R>>,
  options: { resetOnSuccess?: boolean; onSuccess?: (result: ActionResult<R> & { ok: true }) => void } = {},
) {
  const [state, dispatch, pending] = useActionState<ActionResult<R> | null, FormData>((_prev, form) => action(form), null);
  const formRef = useRef<HTMLFormElement>(null);
  const { resetOnSuccess, onSuccess } = options;
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) {
      // A refused submit: the person goes to the first field that needs them (its error is read with it).
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (!state?.ok) return;
    if (resetOnSuccess) formRef.current?.reset();
    onSuccess?.(state);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, pending, fieldErrors, formProps: { ref: formRef, action: dispatch, onSubmit, noValidate: true } };
}
