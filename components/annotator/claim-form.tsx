"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { createClaim, updateClaim } from "@/lib/features/claims/actions.ts";
import { SuggestBox, type Suggestion } from "@/components/annotator/suggest-box.tsx";
import { Button } from "@/components/button.tsx";
import { Field, inputClass } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import {
  type AttributeUse,
  closeAttribute,
  ENTITY_KINDS,
  type EntityKind,
  foldName,
  matchAttributes,
  matchSubjects,
  type SubjectOption,
} from "@/lib/domain/claims.ts";
import { describeMoment, parseMoment } from "@/lib/domain/moments.ts";
import { detectValueKind, extractValue, parseValue, VALUE_KINDS, type ValueKind } from "@/lib/domain/values.ts";
import type { ClaimSaved } from "@/lib/server/claims.ts";

export type AttributeOption = AttributeUse;

export type ClaimDraft = {
  subjectId: string;
  subjectName: string;
  /** The kind a new subject is created with, when the suggestion could tell ("Pete Hegseth" of a title: a person). */
  subjectKind?: EntityKind;
  subjectText: string;
  attribute: string;
  valueKind: ValueKind;
  valueText: string;
  asOf: string;
  note: string;
  accordingTo: string;
  method: string;
  appliesToPart: string;
};

type Target =
  | { kind: "create"; articleId: string; start: number; end: number; quote: string }
  | { kind: "edit"; claimId: string; version: number; quote: string };

const KIND_LABELS: Record<ValueKind, string> = {
  money: "Money",
  number: "Number",
  percentage: "Percentage",
  date: "Date",
  time: "Time of day",
  text: "Text",
  entity: "Entity",
  list: "List",
};

/** The qualifiers a claim may carry, as Wikidata records them. */
const QUALIFIER_FIELDS = [
  { name: "accordingTo", id: "claim-according-to", label: "According to", placeholder: "e.g. Aemet, the mayor" },
  { name: "method", id: "claim-method", label: "Method or baseline", placeholder: "e.g. fully diluted, over the 1 April close" },
  { name: "appliesToPart", id: "claim-applies-to", label: "Applies to part", placeholder: "e.g. underground level" },
] as const;

/** A new claim's fields from the words selected: the value taken out of them, its kind detected. */
function draftFromQuote(quote: string, publishedAt: string | null, timeZone: string): ClaimDraft {
  const value = extractValue(quote);
  return {
    subjectId: "",
    subjectName: "",
    subjectText: "",
    attribute: "",
    valueText: value,
    valueKind: detectValueKind(value, { referenceDate: publishedAt ? new Date(publishedAt) : null, timeZone }),
    asOf: "",
    note: "",
    accordingTo: "",
    method: "",
    appliesToPart: "",
  };
}

/**
 * Recording or editing one claim. Every field is held here, so a refused save (a stale
 * version, an unreadable value) keeps what was typed. Ctrl+Enter saves; Esc closes an open
 * suggestion list first, then the form, asking first when something was typed.
 */
export function ClaimForm({
  investigationId,
  target,
  initial: given,
  publishedAt,
  timeZone,
  subjects,
  subjectsLoading = false,
  attributes,
  onSaved,
  onCancel,
  proposedConfidence,
}: {
  investigationId: string;
  target: Target;
  /** Accepting a suggestion: the machine's confidence, saved as the claim's provenance. */
  proposedConfidence?: number;
  /** What the fields hold at first; a new claim's are read from its quote. */
  initial?: ClaimDraft;
  publishedAt: string | null;
  /** The investigation's zone, for "local time". */
  timeZone: string;
  subjects: SubjectOption[];
  /** The investigation's names are still on their way: typing works, matches come when they do. */
  subjectsLoading?: boolean;
  attributes: AttributeOption[];
  onSaved: (saved: ClaimSaved) => void;
  onCancel: () => void;
}) {
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  const [discarding, setDiscarding] = useState(false);
  const [pickedNew, setPickedNew] = useState(false);
  const [initial] = useState(() => given ?? draftFromQuote(target.quote, publishedAt, timeZone));
  const [subjectInput, setSubjectInput] = useState(initial.subjectName);
  const [subjectId, setSubjectId] = useState(initial.subjectId);
  const [subjectText, setSubjectText] = useState(initial.subjectText);
  const [subjectTextTouched, setSubjectTextTouched] = useState(target.kind === "edit");
  const [newKind, setNewKind] = useState<EntityKind>(initial.subjectKind ?? "organization");
  const [attribute, setAttribute] = useState(initial.attribute);
  const [valueText, setValueText] = useState(initial.valueText);
  const [valueKind, setValueKind] = useState<ValueKind>(initial.valueKind);
  const [kindTouched, setKindTouched] = useState(target.kind === "edit");
  const [asOf, setAsOf] = useState(initial.asOf);
  const [note, setNote] = useState(initial.note);
  const [qualifiers, setQualifiers] = useState({
    accordingTo: initial.accordingTo,
    method: initial.method,
    appliesToPart: initial.appliesToPart,
  });

  const context = useMemo(
    () => ({ referenceDate: publishedAt ? new Date(publishedAt) : null, timeZone, quote: target.quote }),
    [publishedAt, timeZone, target.quote],
  );
  // The subject the form came with stays chosen while the names it searches are on their way.
  const chosen =
    subjects.find((s) => s.id === subjectId) ??
    (subjectId && subjectId === initial.subjectId
      ? { id: subjectId, name: initial.subjectName, kind: "other" as EntityKind, aliases: [] }
      : undefined);
  // Typing an existing name or alias exactly is the same as picking it.
  const exact =
    chosen ??
    subjects.find((s) => foldName(s.name) === foldName(subjectInput) || s.aliases.some((a) => foldName(a) === foldName(subjectInput)));
  const creating = !exact && subjectInput.trim() !== "";

  const subjectSuggestions: Suggestion[] = [
    ...matchSubjects(subjects, subjectInput).map((s) => ({
      id: s.id,
      label: s.name,
      textValue: s.name,
      detail: s.matched !== s.name ? `alias “${s.matched}” · ${s.kind}` : s.kind,
    })),
    ...(creating
      ? [
          {
            id: "new",
            label: `Create “${subjectInput.trim()}”`,
            textValue: subjectInput,
            detail: subjectsLoading ? "as a new entity (still loading the names in use)" : "as a new entity",
          },
        ]
      : []),
  ];
  const attributeSuggestions: Suggestion[] = matchAttributes(attributes, attribute).map((a) => ({
    id: a.key,
    label: a.label,
    detail: `${a.count} claim${a.count === 1 ? "" : "s"}`,
  }));
  // A new name that probably means an attribute in use splits one measure in two: say so.
  const close = closeAttribute(attributes, attribute);

  const reading = valueText.trim() ? parseValue(valueText, valueKind, context) : null;
  const asOfMoment = asOf.trim() ? parseMoment(asOf, context) : null;
  const asOfReading = !asOf.trim()
    ? null
    : asOfMoment
      ? { ok: true as const, reading: describeMoment(asOfMoment) }
      : parseValue(asOf, "date", context);

  const dirty =
    subjectInput !== initial.subjectName ||
    subjectText !== initial.subjectText ||
    attribute !== initial.attribute ||
    valueText !== initial.valueText ||
    valueKind !== initial.valueKind ||
    asOf !== initial.asOf ||
    note !== initial.note ||
    qualifiers.accordingTo !== initial.accordingTo ||
    qualifiers.method !== initial.method ||
    qualifiers.appliesToPart !== initial.appliesToPart;
  /** Closing loses what was typed: a form with changes asks first, then puts focus back where it was. */
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const requestClose = () => {
    if (!dirty) return onCancel();
    returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDiscarding(true);
  };
  useEffect(() => {
    if (discarding) keepEditingRef.current?.focus();
    else returnFocusRef.current?.focus();
    returnFocusRef.current = null;
  }, [discarding]);

  const { state, pending, fieldErrors, formProps } = useFormAction<ClaimSaved>(
    (form) => (target.kind === "create" ? createClaim(form) : updateClaim(form)),
    { onSuccess: onSaved },
  );

  const pickSubject = (id: string) => {
    if (id === "new") {
      // Picked: the list closes and the box keeps the new name (the option's text is the name).
      setSubjectId("");
      setPickedNew(true);
      return;
    }
    const subject = subjects.find((s) => s.id === id);
    if (!subject) return;
    const typed = subjectInput;
    // Both the box's text and its selection are ours (a fully controlled combobox reports the pick
    // and leaves the text to us): the box shows the canonical name.
    setSubjectId(id);
    setSubjectInput(subject.name);
    // The subject as the text names it: the alias typed, else the canonical name.
    if (!subjectTextTouched) {
      const alias = subject.aliases.find((a) => foldName(a) === foldName(typed));
      setSubjectText(alias ?? subject.name);
    }
  };

  return (
    <form
      {...formProps}
      aria-label={target.kind === "create" ? "New claim" : "Edit claim"}
      className="space-y-4"
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          formProps.ref.current?.requestSubmit();
        } else if (event.key === "Escape" && !event.defaultPrevented) {
          event.preventDefault();
          // An open suggestion list closes first (its box handles the key); the form stays.
          if ((event.target as HTMLElement).getAttribute("aria-expanded") === "true") return;
          if (discarding) setDiscarding(false);
          else requestClose();
        }
      }}
    >
      <input type="hidden" name="investigationId" value={investigationId} />
      {target.kind === "create" ? (
        <>
          <input type="hidden" name="articleId" value={target.articleId} />
          <input type="hidden" name="start" value={target.start} />
          <input type="hidden" name="end" value={target.end} />
          {proposedConfidence !== undefined && <input type="hidden" name="proposedConfidence" value={proposedConfidence} />}
        </>
      ) : (
        <>
          <input type="hidden" name="id" value={target.claimId} />
          <input type="hidden" name="version" value={target.version} />
        </>
      )}
      <blockquote className="border-l-4 border-amber-300 bg-amber-50 px-3 py-2 font-serif text-sm text-slate-800">
        {target.quote}
      </blockquote>

      <div>
        <SuggestBox
          label="Subject"
          inputValue={subjectInput}
          onInputChange={(v) => {
            if (v !== subjectInput) setPickedNew(false);
            setSubjectInput(v);
            if (chosen && v !== chosen.name) setSubjectId("");
            // As typed, until a pick puts the canonical name in the box (then the alias typed stays).
            if (!subjectTextTouched && (!subjects.some((s) => s.name === v) || foldName(v).startsWith(foldName(subjectText)))) {
              setSubjectText(v);
            }
          }}
          suggestions={subjectSuggestions}
          onPick={pickSubject}
          selectedKey={chosen?.id ?? (creating && pickedNew ? "new" : null)}
          errors={fieldErrors?.subjectId ?? fieldErrors?.newSubjectName}
          autoFocus
          placeholder="Search names and aliases"
        />
        <input type="hidden" name="subjectId" value={exact?.id ?? ""} />
        <input type="hidden" name="newSubjectName" value={creating ? subjectInput.trim() : ""} />
        {creating && (
          <div className="mt-2 flex items-center gap-2 rounded-md bg-indigo-50 px-3 py-2 text-xs text-indigo-900">
            <span>New entity</span>
            <label htmlFor="claim-new-kind" className="sr-only">
              Kind of the new entity
            </label>
            <select
              id="claim-new-kind"
              name="newSubjectKind"
              value={newKind}
              onChange={(e) => setNewKind(e.target.value as EntityKind)}
              className="rounded border-0 bg-white py-0.5 pr-7 pl-2 text-xs ring-1 ring-indigo-200"
            >
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <Field id="claim-subject-text" label="Named in the text as" errors={fieldErrors?.subjectText}>
        <input
          id="claim-subject-text"
          name="subjectText"
          placeholder="As the text writes it (found for you when left empty)"
          aria-invalid={fieldErrors?.subjectText ? true : undefined}
          value={subjectText}
          onChange={(e) => {
            setSubjectText(e.target.value);
            setSubjectTextTouched(true);
          }}
          className={inputClass}
        />
      </Field>

      <input type="hidden" name="attribute" value={attribute} />
      <SuggestBox
        label="Attribute"
        inputValue={attribute}
        onInputChange={setAttribute}
        suggestions={attributeSuggestions}
        onPick={(key) => setAttribute(attributes.find((a) => a.key === key)?.label ?? key)}
        selectedKey={attributes.find((a) => a.label === attribute)?.key ?? null}
        errors={fieldErrors?.attribute}
        placeholder="e.g. valuation"
        openOnFocus
      />
      {close && (
        <p role="status" className="-mt-2 flex flex-wrap items-center gap-x-2 text-xs text-amber-900">
          <span>
            New attribute, close to “{close.label}” ({close.count} claim{close.count === 1 ? "" : "s"}): claims are compared only under one
            name.
          </span>
          <button type="button" onClick={() => setAttribute(close.label)} className="font-medium text-indigo-700 underline">
            Use “{close.label}”
          </button>
        </p>
      )}

      <div className="grid grid-cols-[1fr_8rem] gap-2">
        <Field id="claim-value" label="Value" errors={fieldErrors?.valueText}>
          <input
            id="claim-value"
            name="valueText"
            value={valueText}
            onChange={(e) => {
              setValueText(e.target.value);
              if (!kindTouched) setValueKind(detectValueKind(e.target.value, context));
            }}
            aria-describedby={fieldErrors?.valueText ? "claim-value-error" : "claim-value-reading"}
            aria-invalid={fieldErrors?.valueText ? true : undefined}
            className={inputClass}
          />
        </Field>
        <Field id="claim-value-kind" label="Kind">
          <select
            id="claim-value-kind"
            name="valueKind"
            value={valueKind}
            onChange={(e) => {
              setValueKind(e.target.value as ValueKind);
              setKindTouched(true);
            }}
            className={inputClass}
          >
            {VALUE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p id="claim-value-reading" aria-live="polite" className="-mt-2 text-xs">
        {/* A refused value is said once, under its field; this line is the reading while typing. */}
        {reading &&
          !fieldErrors?.valueText &&
          (reading.ok ? (
            <span className="text-slate-600">
              {valueText.trim()} → <span className="font-medium text-slate-900">{reading.reading}</span>
              {!kindTouched && <span> (kind detected)</span>}
            </span>
          ) : (
            <span className="text-amber-800">{reading.error}</span>
          ))}
      </p>

      <Field id="claim-as-of" label="As of (optional)" errors={fieldErrors?.asOf}>
        <input
          id="claim-as-of"
          name="asOf"
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          placeholder="e.g. late 2023, 30 October 2024 evening, 16:30 local time"
          aria-describedby={fieldErrors?.asOf ? "claim-as-of-error" : "claim-as-of-reading"}
          aria-invalid={fieldErrors?.asOf ? true : undefined}
          className={inputClass}
        />
      </Field>
      {asOfReading && !fieldErrors?.asOf && (
        <p id="claim-as-of-reading" className="-mt-2 text-xs text-slate-600">
          {asOfReading.ok ? asOfReading.reading : <span className="text-amber-800">{asOfReading.error}</span>}
        </p>
      )}

      <Field id="claim-note" label="Note (optional)" errors={fieldErrors?.note}>
        <input id="claim-note" name="note" value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} />
      </Field>

      <details open={Boolean(initial.accordingTo || initial.method || initial.appliesToPart) || undefined} className="group">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">
          Qualifiers <span className="font-normal text-slate-600">(optional: who gives it, how it was measured, which part)</span>
        </summary>
        <p className="mt-1 text-xs text-slate-600">
          Two figures with different qualifiers are different measures, not a contradiction: two agencies&apos; estimates, a premium over
          two different closes, one level of a car park against the whole.
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {QUALIFIER_FIELDS.map((q) => (
            <Field key={q.name} id={q.id} label={q.label} errors={fieldErrors?.[q.name]}>
              <input
                id={q.id}
                name={q.name}
                value={qualifiers[q.name]}
                onChange={(e) => setQualifiers((current) => ({ ...current, [q.name]: e.target.value }))}
                placeholder={q.placeholder}
                className={inputClass}
              />
            </Field>
          ))}
        </div>
      </details>

      <FormMessage state={state && !state.ok ? state : null} />
      {discarding && (
        <div
          role="alertdialog"
          aria-labelledby="claim-discard-question"
          className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <p id="claim-discard-question" className="mr-auto">
            Discard what you typed for this claim?
          </p>
          <Button type="button" variant="ghost" onClick={onCancel}>
            Discard
          </Button>
          <Button type="button" ref={keepEditingRef} onClick={() => setDiscarding(false)}>
            Keep editing
          </Button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          {target.kind === "create" ? "Save claim" : "Save changes"}
        </Button>
        <Button type="button" variant="ghost" onClick={requestClose}>
          Cancel
        </Button>
        <span className="ml-auto text-xs text-slate-600">
          <kbd className="rounded border border-slate-300 px-1">Ctrl</kbd>+<kbd className="rounded border border-slate-300 px-1">Enter</kbd>{" "}
          saves · <kbd className="rounded border border-slate-300 px-1">Esc</kbd> closes
        </span>
      </div>
    </form>
  );
}
