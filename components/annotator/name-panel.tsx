"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/button.tsx";
import { inputClass } from "@/components/field.tsx";
import { ENTITY_KINDS, type EntityKind } from "@/lib/domain/claims.ts";
import { addAlias, createEntity } from "@/lib/features/entities/actions.ts";
import { dismissName } from "@/lib/features/names/actions.ts";
import type { ReaderName } from "@/lib/server/name-proposals.ts";

/** What the analyst made of a proposed name. */
export type NameChoice = { as: "entity"; kind: EntityKind; aliases: string[] } | { as: "alias"; entityId: string } | { as: "dismiss" };

/** A choice saved: the new entity's id and the aliases saved with it, when one was made. */
export type NameChosen = { choice: NameChoice; entityId?: string; aliases?: string[] };

/**
 * Saves what the analyst made of a name (through entity.create and entity.addAlias, as by hand):
 * here, not in the reader, so that the actions load with the panel, when a name is first opened.
 */
async function saveChoice(
  scope: { investigationId: string; articleId: string },
  name: ReaderName,
  choice: NameChoice,
): Promise<{ ok: true; entityId?: string; aliases?: string[] } | { ok: false; message: string }> {
  const { investigationId, articleId } = scope;
  const span = name.spans[0]!;
  if (choice.as === "dismiss") return dismissName({ investigationId, articleId, start: span.start, end: span.end });
  if (choice.as === "alias") return addAlias({ investigationId, entityId: choice.entityId, name: name.name });
  // "Amodei" after "Dario Amodei": the short form is one of the name's places, so the entity's alias too.
  const result = await createEntity({ investigationId, name: name.name, kind: choice.kind, aliases: choice.aliases });
  return result.ok ? { ok: true, entityId: result.id, aliases: result.aliases } : result;
}

/**
 * One proposed name: make it a new entity (of the guessed kind, or another), another name of a
 * close entity, or dismiss it for the investigation. The first choice has focus on opening, so
 * Enter takes the likeliest one.
 */
export function NamePanel({
  investigationId,
  articleId,
  name,
  onChosen,
  onClose,
}: {
  investigationId: string;
  articleId: string;
  name: ReaderName;
  /** Once saved; a choice that failed says why in the panel, which stays open. */
  onChosen: (chosen: NameChosen) => void;
  onClose: () => void;
}) {
  const [kind, setKind] = useState<EntityKind>(name.kind);
  // A person's or an organisation's short form is nearly always the same one ("Amodei", "Sequoia");
  // a place's or an event's is often another ("Valencia" of "Valencia flood of 2024"): asked, then.
  const [shortFormsKept, setShortFormsKept] = useState<Map<string, boolean>>(new Map());
  const keepsShortForm = (form: string) => shortFormsKept.get(form) ?? (kind === "person" || kind === "organization");
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [name.id]);

  const choose = async (key: string, choice: NameChoice) => {
    setPending(key);
    setError(null);
    const result = await saveChoice({ investigationId, articleId }, name, choice);
    setPending(null);
    if (!result.ok) return setError(result.message);
    onChosen({ choice, entityId: result.entityId, aliases: result.aliases });
  };
  const places = name.spans.length;

  return (
    <section
      aria-label="Proposed name"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-2 ring-violet-200"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold text-slate-900">{name.name}</h2>
          <p className="text-xs text-slate-500">Not an entity yet · {places === 1 ? "once" : `${places} times`} in this article</p>
        </div>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-1 text-sm text-slate-500 hover:text-slate-800"
          aria-label="Close name"
        >
          ✕
        </button>
      </div>

      {name.aliasOf.length > 0 && (
        <div className="space-y-1.5">
          <p className="text-xs font-medium text-slate-600">Another name of</p>
          {name.aliasOf.map((a, i) => (
            <div key={a.entityId}>
              <Button
                ref={i === 0 ? first : undefined}
                type="button"
                variant="secondary"
                className="w-full justify-start"
                pending={pending === a.entityId}
                disabled={pending !== null}
                onClick={() => void choose(a.entityId, { as: "alias", entityId: a.entityId })}
              >
                Alias of {a.name}
              </Button>
              <p className="mt-0.5 pl-1 text-xs text-slate-500">{a.why}</p>
            </div>
          ))}
        </div>
      )}

      <div className="space-y-1.5">
        <p className="text-xs font-medium text-slate-600">
          {name.aliasOf.length ? "Or someone or something new" : "Someone or something new"}
        </p>
        <div className="flex items-center gap-2">
          <label htmlFor={`name-kind-${name.id}`} className="sr-only">
            Kind of the new entity
          </label>
          <select
            id={`name-kind-${name.id}`}
            value={kind}
            onChange={(e) => setKind(e.target.value as EntityKind)}
            className={`${inputClass} min-w-0 flex-1`}
          >
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <Button
            ref={name.aliasOf.length ? undefined : first}
            type="button"
            variant={name.aliasOf.length ? "secondary" : "primary"}
            className="shrink-0 whitespace-nowrap"
            pending={pending === "entity"}
            disabled={pending !== null}
            onClick={() => void choose("entity", { as: "entity", kind, aliases: name.shortForms.filter(keepsShortForm) })}
          >
            New entity
          </Button>
        </div>
        {name.shortForms.length > 0 && (
          <fieldset className="space-y-1 pl-1">
            <legend className="text-xs text-slate-500">The text writes it shorter after the full name. With the new entity:</legend>
            {name.shortForms.map((form) => (
              <label key={form} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={keepsShortForm(form)}
                  onChange={(e) => setShortFormsKept((kept) => new Map(kept).set(form, e.target.checked))}
                  className="h-4 w-4 rounded border-slate-300 text-violet-600 focus-visible:ring-2 focus-visible:ring-violet-500"
                />
                “{form}” as an alias
              </label>
            ))}
          </fieldset>
        )}
      </div>

      <div className="flex items-center justify-between border-t border-slate-100 pt-2">
        <button
          type="button"
          disabled={pending !== null}
          onClick={() => void choose("dismiss", { as: "dismiss" })}
          className="rounded text-sm font-medium text-rose-700 hover:underline disabled:opacity-60"
        >
          Dismiss name
        </button>
        <span className="text-xs text-slate-500">Not proposed again in this investigation</span>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
