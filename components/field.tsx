import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 focus-visible:outline-none aria-[invalid=true]:ring-red-500";

type FieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children?: ReactNode;
};

/** A label, the control, an optional hint and the field's errors, tied together for screen readers. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, errors?: string[], hint?: boolean) {
  return errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextInput({
  id,
  errors,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { id: string; errors?: string[]; hint?: boolean }) {
  return (
    <input
      id={id}
      name={props.name ?? id}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy(id, errors, hint)}
      className={inputClass}
      {...props}
    />
  );
}

export function TextArea({
  id,
  errors,
  hint,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; errors?: string[]; hint?: boolean }) {
  return (
    <textarea
      id={id}
      name={props.name ?? id}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy(id, errors, hint)}
      className={`${inputClass} font-serif leading-relaxed`}
      {...props}
    />
  );
}
