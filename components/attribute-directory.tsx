"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/button.tsx";
import { SuggestBox } from "@/components/annotator/suggest-box.tsx";
import { TextInput, Field } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import type { ActionResult } from "@/lib/domain/action-result.ts";
import { type AttributeSense, senseLabel } from "@/lib/domain/attribute-sense.ts";
import { type AttributeUse, attributeKey, closeAttribute, matchAttributes } from "@/lib/domain/claims.ts";
import { mergeAttributes, renameAttribute } from "@/lib/features/attributes/actions.ts";
import type { AttributeSummary } from "@/lib/server/attributes.ts";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const KIND_WORDS: Record<string, string> = { percentage: "percentages", entity: "entity names", list: "lists", time: "times of day" };
const kindWords = (kinds: string[]) => kinds.map((k) => KIND_WORDS[k] ?? k).join(", ");

/**
 * The attributes in use, most used first. A reviewer (the investigation's lead, for now) can
 * rename one or merge it into another, from the keyboard: each opens its form in the row, Esc
 * closes it, and what changed is said at the top of the list, where focus goes after.
 */
export function AttributeDirectory({
  investigationId,
  slug,
  attributes,
  canManage,
}: {
  investigationId: string;
  slug: string;
  attributes: AttributeSummary[];
  canManage: boolean;
}) {
  const [open, setOpen] = useState<{ key: string; form: "rename" | "merge" } | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; at: number } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const uses: AttributeUse[] = attributes.map((a) => ({ key: a.key, label: a.label, count: a.claims }));
  const kindsOf = new Map(attributes.map((a) => [a.key, a.kinds]));
  useEffect(() => {
    // The row that was merged away is gone: the outcome is where the person carries on.
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  const done = (text: string) => {
    setOpen(null);
    setOutcome({ text, at: Date.now() });
  };
  // Closing a form without a change gives focus back to the button that opened it.
  const closeForm = (key: string, form: "rename" | "merge") => {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(toggleId(key, form))?.focus());
  };
  return (
    <div className="space-y-3">
      <div aria-live="polite" role="status" className="empty:hidden">
        {outcome && (
          <p
            ref={outcomeRef}
            tabIndex={-1}
            className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200 ring-inset focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
          >
            {outcome.text}
          </p>
        )}
      </div>
      <p className="text-xs text-slate-600">{plural(attributes.length, "attribute")} in use</p>
      <ul aria-label="Attributes" className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        {attributes.map((a) => {
          const others = uses.filter((u) => u.key !== a.key);
          const close = closeAttribute(others, a.label);
          const form = open?.key === a.key ? open.form : null;
          return (
            <li key={a.key} className="space-y-3 px-4 py-3">
              <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
                <div className="min-w-0 space-y-0.5">
                  <h2 className="font-medium break-words text-slate-900">{a.label}</h2>
                  <p className="text-xs text-slate-600">
                    {plural(a.claims, "claim")} · {plural(a.subjects, "subject")} · {kindWords(a.kinds)}
                    {a.openConflicts > 0 && (
                      <>
                        {" · "}
                        <Link
                          href={`/investigations/${slug}/conflicts?attribute=${encodeURIComponent(a.key)}`}
                          className="text-indigo-700 underline hover:text-indigo-900"
                        >
                          {plural(a.openConflicts, "open conflict")}
                        </Link>
                      </>
                    )}
                  </p>
                  {a.otherLabels.length > 0 && (
                    <p className="text-xs text-slate-600">Also written {a.otherLabels.map((l) => `“${l}”`).join(", ")}</p>
                  )}
                  {a.setting && <p className="text-xs text-slate-600">Set by a reviewer: {settingWords(a.setting)}</p>}
                  {close && (
                    <p className="text-xs text-amber-900">
                      Close to “{close.label}” ({plural(close.count, "claim")}): if they are one measure, merge them, or their claims are
                      never compared.
                    </p>
                  )}
                </div>
                {canManage && (
                  <div className="flex shrink-0 flex-wrap gap-2">
                    <Toggle
                      id={toggleId(a.key, "rename")}
                      expanded={form === "rename"}
                      onClick={() => setOpen(form === "rename" ? null : { key: a.key, form: "rename" })}
                      label="Rename"
                      name={a.label}
                    />
                    <Toggle
                      id={toggleId(a.key, "merge")}
                      expanded={form === "merge"}
                      onClick={() => setOpen(form === "merge" ? null : { key: a.key, form: "merge" })}
                      label="Merge into…"
                      name={a.label}
                    />
                  </div>
                )}
              </div>
              {form === "rename" && (
                <RenameForm investigationId={investigationId} attribute={a} onClose={() => closeForm(a.key, "rename")} onDone={done} />
              )}
              {form === "merge" && (
                <MergeForm
                  investigationId={investigationId}
                  attribute={a}
                  others={others}
                  kindsOf={kindsOf}
                  close={close}
                  onClose={() => closeForm(a.key, "merge")}
                  onDone={done}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function settingWords(setting: NonNullable<AttributeSummary["setting"]>): string {
  return (["cardinality", "change", "lists"] as const)
    .flatMap((aspect) => (setting[aspect] ? [senseLabel(aspect, setting[aspect] as AttributeSense[typeof aspect])] : []))
    .join("; ");
}

const toggleId = (key: string, form: "rename" | "merge") => `${form}-${key}-toggle`;

/** A row's button that opens one of its forms; its name says which attribute ("Rename “Valuation”"). */
function Toggle({
  id,
  expanded,
  onClick,
  label,
  name,
}: {
  id: string;
  expanded: boolean;
  onClick: () => void;
  label: string;
  name: string;
}) {
  return (
    <Button
      id={id}
      type="button"
      variant="secondary"
      aria-expanded={expanded}
      onClick={onClick}
      className="py-1.5 aria-expanded:bg-slate-100 aria-expanded:ring-slate-400"
    >
      {label}
      <span className="sr-only"> “{name}”</span>
    </Button>
  );
}

/**
 * The action, telling the list what it did as soon as it answers: by the time a form's effects
 * would run, the row may be gone (merged away) or under a new key (renamed), the form with it.
 */
function saying<R extends { summary: string }>(
  action: (form: FormData) => Promise<ActionResult<R>>,
  onDone: (summary: string) => void,
  onRefused?: () => void,
): (form: FormData) => Promise<ActionResult<R>> {
  return async (form) => {
    const result = await action(form);
    if (result.ok) onDone(result.summary);
    else onRefused?.();
    return result;
  };
}

/** Esc closes a row's form (an open suggestion list first: its box handles the key). */
function closeOnEscape(onClose: () => void) {
  return (event: React.KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if ((event.target as HTMLElement).getAttribute("aria-expanded") === "true") return;
    event.preventDefault();
    onClose();
  };
}

function RenameForm({
  investigationId,
  attribute,
  onClose,
  onDone,
}: {
  investigationId: string;
  attribute: AttributeSummary;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const rename = useFormAction(saying(renameAttribute, onDone));
  const id = `rename-${attribute.key}`;
  return (
    <form {...rename.formProps} onKeyDown={closeOnEscape(onClose)} aria-label={`Rename “${attribute.label}”`} className="space-y-3">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="key" value={attribute.key} />
      <Field id={id} label="New name" hint={`Every claim under “${attribute.label}” takes it.`} errors={rename.fieldErrors?.label}>
        <TextInput id={id} name="label" defaultValue={attribute.label} errors={rename.fieldErrors?.label} hint autoFocus maxLength={80} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={rename.pending} pendingLabel="Renaming…">
          Save name
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
      <FormMessage state={rename.state && !rename.state.ok ? rename.state : null} />
    </form>
  );
}

function MergeForm({
  investigationId,
  attribute,
  others,
  kindsOf,
  close,
  onClose,
  onDone,
}: {
  investigationId: string;
  attribute: AttributeSummary;
  others: AttributeUse[];
  /** The kinds of value each attribute holds, to choose a target whose values compare. */
  kindsOf: Map<string, string[]>;
  close: AttributeUse | null;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const [typed, setTyped] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // A refusal (values that never compare, settings that disagree) goes back to choosing, its reason shown.
  const merge = useFormAction(saying(mergeAttributes, onDone, () => setConfirming(false)));
  const [unchosen, setUnchosen] = useState(false);
  // What was picked from the list, or a name typed in full.
  const target = others.find((o) => o.key === picked) ?? others.find((o) => typed.trim() && o.key === attributeKey(typed)) ?? null;
  const errors = unchosen ? ["Choose an attribute from the list."] : merge.fieldErrors?.intoKey;
  return (
    <form {...merge.formProps} onKeyDown={closeOnEscape(onClose)} aria-label={`Merge “${attribute.label}”`} className="space-y-3">
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="key" value={attribute.key} />
      <input type="hidden" name="intoKey" value={target?.key ?? ""} />
      <SuggestBox
        label={`Merge “${attribute.label}” into`}
        inputValue={typed}
        onInputChange={(value) => {
          setTyped(value);
          setPicked(null);
          setConfirming(false);
          setUnchosen(false);
        }}
        suggestions={matchAttributes(others, typed).map((o) => ({
          id: o.key,
          label: o.label,
          detail: `${plural(o.count, "claim")} · ${kindWords(kindsOf.get(o.key) ?? [])}`,
        }))}
        onPick={(key) => {
          setPicked(key);
          setTyped(others.find((o) => o.key === key)?.label ?? "");
          setUnchosen(false);
        }}
        selectedKey={target?.key ?? null}
        errors={errors}
        description={close ? `Close to it: “${close.label}”.` : "The attributes in use, most used first."}
        placeholder="Type to search the attributes"
        autoFocus
        // After a refusal focus comes back here: the reason stays in sight rather than under the list.
        openOnFocus={!errors?.length}
      />
      {confirming && target ? (
        <div role="group" aria-label="Confirm the merge" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-950">
          <p>
            {plural(attribute.claims, "claim")} of “{attribute.label}” will become claims of “{target.label}” (which has{" "}
            {plural(target.count, "claim")}), and “{attribute.label}” will no longer be an attribute. Conflicts will be re-examined: each
            subject&apos;s claims under both names are compared as one group, so conflicts may open, change or close. Decisions already
            recorded stay on record. There is no undo: renaming later does not split them again.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={merge.pending} pendingLabel="Merging…" autoFocus>
              Merge into “{target.label}”
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              Back
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="secondary"
            onClick={(event) => {
              if (target) return setConfirming(true);
              setUnchosen(true);
              // To the box that needs a choice, once it shows why (and keeps its list closed).
              const box = event.currentTarget.form?.querySelector<HTMLInputElement>('input[role="combobox"]');
              requestAnimationFrame(() => box?.focus());
            }}
          >
            Merge…
          </Button>
          <Button type="button" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      )}
      <FormMessage state={merge.state && !merge.state.ok ? merge.state : null} />
    </form>
  );
}
