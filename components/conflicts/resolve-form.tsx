"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { resolveConflict } from "@/lib/features/conflicts/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, TextArea, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import type { ConflictKind } from "@/lib/domain/conflicts.ts";
import type { ResolutionKind } from "@/lib/domain/inputs.ts";
import type { ValueKind } from "@/lib/domain/values.ts";

type Props = {
  investigationId: string;
  conflict: {
    id: string;
    version: number;
    kind: ConflictKind;
    title: string;
    claims: { id: string; valueText: string; valueKind: ValueKind; source: string; asOfText: string | null }[];
    entities: { id: string; name: string; claimCount: number }[];
  };
  /** This conflict's page showing the decision just recorded, where the reviewer goes once it is settled. */
  decidedHref: string;
  /** Arriving from the previous decision: start at the decision, so the queue can be cleared from the keyboard. */
  focusDecision?: boolean;
};

const CHOICES: Record<ResolutionKind, string> = {
  accept_claim: "Accept one claim",
  reconciled_value: "Record a reconciled value",
  both_valid: "Both valid",
  merge_entities: "Merge the entities",
  annotation_mistake: "Annotation mistake",
  not_a_conflict: "Not a conflict",
};

const HINTS: Record<ResolutionKind, string> = {
  accept_claim: "One claim is right; the others are marked rejected, with your reason.",
  reconciled_value: "None is right as written; record the value the evidence supports.",
  both_valid: "Each holds at its own date or in its own scope.",
  merge_entities: "The two names are one entity: its claims and names move to the one you keep.",
  annotation_mistake: "A claim mis-records its article: it is retracted for correction; the source is not blamed.",
  not_a_conflict: "The claims do not really disagree.",
};

function choicesFor(kind: ConflictKind): ResolutionKind[] {
  if (kind === "naming") return ["merge_entities", "not_a_conflict"];
  return ["accept_claim", "both_valid", "reconciled_value", "annotation_mistake", "not_a_conflict"];
}

/** The fields a refused submit can name, in the order the form shows them. */
const FIELD_ORDER = ["kind", "acceptedClaimId", "mistakenClaimId", "valueText", "asOf", "keepEntityId", "rationale"] as const;

/** A radio group's error: each radio points at it, so it is read when the focus lands there. */
const errorId = (name: string, errors?: string[]) => (errors?.length ? `${name}-error` : undefined);

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="mt-1 text-xs font-medium text-red-700">
      {errors.join(" ")}
    </p>
  ) : null;
}

export function ResolveForm({ investigationId, conflict, decidedHref, focusDecision = false }: Props) {
  const router = useRouter();
  // Nothing is chosen for the reviewer: a rationale and Ctrl+Enter must not settle the conflict
  // for whichever decision or claim happens to be listed first.
  const [kind, setKind] = useState<ResolutionKind | null>(null);
  // Navigates from the submit itself: once settled, this form leaves the page (it is only shown
  // for open conflicts), so an effect after the result would never run.
  const resolve = useFormAction(async (form: FormData) => {
    const result = await resolveConflict(form);
    if (result.ok) router.replace(decidedHref);
    return result;
  });
  const errors = resolve.fieldErrors;
  // A refused submit puts the focus on the first field it names, in the form's order.
  useEffect(() => {
    if (!errors) return;
    const first = FIELD_ORDER.find((name) => errors[name]?.length);
    if (!first) return;
    resolve.formProps.ref.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [errors]);
  // The fuller name is usually the one to keep ("Emil Michael" over "Michael"): said, not chosen.
  const fuller = [...conflict.entities].sort((a, b) => b.name.length - a.name.length)[0]?.id;
  const claimChoice = (name: string, legend: string, fieldErrors?: string[]) => (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {conflict.claims.map((c) => (
        <label key={c.id} className="flex items-start gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-50 has-[:checked]:bg-indigo-50">
          <input type="radio" name={name} value={c.id} aria-describedby={errorId(name, fieldErrors)} className="mt-1" />
          <span className="min-w-0">
            <span className="font-medium">{c.valueText}</span>
            <span className="line-clamp-1 text-xs text-slate-500">{c.source}</span>
          </span>
        </label>
      ))}
      <FieldError id={`${name}-error`} errors={fieldErrors} />
    </fieldset>
  );
  return (
    <form
      {...resolve.formProps}
      className="space-y-4"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="id" value={conflict.id} />
      <input type="hidden" name="version" value={conflict.version} />
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-800">Decision</legend>
        <div className="space-y-1">
          {choicesFor(conflict.kind).map((k, i) => (
            <label key={k} className="flex items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-50 has-[:checked]:bg-indigo-50">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                aria-describedby={errorId("kind", errors?.kind)}
                autoFocus={focusDecision && i === 0}
                className="mt-1"
              />
              <span>
                <span className="font-medium text-slate-900">{CHOICES[k]}</span>
                <span className="block text-xs text-slate-500">{HINTS[k]}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="kind-error" errors={errors?.kind} />
      </fieldset>

      {kind === "accept_claim" && claimChoice("acceptedClaimId", "The claim that is right", errors?.acceptedClaimId)}
      {kind === "annotation_mistake" && claimChoice("mistakenClaimId", "The claim recorded wrongly", errors?.mistakenClaimId)}
      {kind === "reconciled_value" && (
        <Field
          id="resolve-value"
          label="Reconciled value"
          hint="Read like any value: “$183 billion”, “December 2025”…"
          errors={errors?.valueText}
        >
          <TextInput id="resolve-value" name="valueText" hint errors={errors?.valueText} autoComplete="off" />
          <input type="hidden" name="valueKind" value={conflict.claims[0]?.valueKind ?? "text"} />
        </Field>
      )}
      {kind === "both_valid" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">As of</legend>
          {conflict.claims.map((c) => (
            <div key={c.id} className="grid grid-cols-[1fr_9rem] items-center gap-2 text-sm">
              <label htmlFor={`asof-${c.id}`} className="min-w-0">
                {c.valueText}
                <span className="line-clamp-1 text-xs text-slate-500">{c.source}</span>
              </label>
              <input type="hidden" name="asOfClaimId" value={c.id} />
              <TextInput
                id={`asof-${c.id}`}
                name="asOf"
                defaultValue={c.asOfText ?? ""}
                placeholder="e.g. March 2025"
                autoComplete="off"
                aria-describedby={errorId("asOf", errors?.asOf)}
              />
            </div>
          ))}
          <TextInput
            id="resolve-scope"
            name="scope"
            placeholder="Or the scope each holds in (optional)"
            aria-label="Scope"
            autoComplete="off"
          />
          <FieldError id="asOf-error" errors={errors?.asOf} />
        </fieldset>
      )}
      {kind === "merge_entities" && (
        <fieldset className="space-y-1.5">
          <legend className="mb-1 text-sm font-medium text-slate-800">Keep</legend>
          {conflict.entities.map((e) => (
            <label
              key={e.id}
              className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-50 has-[:checked]:bg-indigo-50"
            >
              <input type="radio" name="keepEntityId" value={e.id} aria-describedby={errorId("keepEntityId", errors?.keepEntityId)} />
              <span className="font-medium">{e.name}</span>
              {e.id === fuller && <span className="text-xs text-slate-500">(the fuller name, usually kept)</span>}
            </label>
          ))}
          <FieldError id="keepEntityId-error" errors={errors?.keepEntityId} />
        </fieldset>
      )}

      <Field
        id="resolve-rationale"
        label="Rationale"
        hint="Required: why, in a sentence or two. Ctrl+Enter records the decision."
        errors={errors?.rationale}
      >
        <TextArea id="resolve-rationale" name="rationale" rows={4} hint errors={errors?.rationale} />
      </Field>
      <FormMessage state={resolve.state && !resolve.state.ok ? resolve.state : null} />
      <Button type="submit" pending={resolve.pending} pendingLabel="Recording…">
        Record decision
      </Button>
    </form>
  );
}
