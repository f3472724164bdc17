"use client";

import { useState } from "react";
import { Button } from "@/components/button.tsx";
import { Field, inputClass } from "@/components/field.tsx";
import type { TextRange } from "@/lib/domain/article-blocks.ts";

/** The keyboard way to annotate: type the words, pick which occurrence, and go on to the claim. */
export function QuoteFinder({ body, onFound, onCancel }: { body: string; onFound: (range: TextRange) => void; onCancel: () => void }) {
  const [quote, setQuote] = useState("");
  const [choice, setChoice] = useState(0);
  const words = quote.trim();
  const found: number[] = [];
  if (words.length >= 2) for (let i = body.indexOf(words); i !== -1 && found.length < 50; i = body.indexOf(words, i + 1)) found.push(i);
  const context = (at: number) =>
    `…${body.slice(Math.max(0, at - 30), at).replace(/\s+/g, " ")}[${words}]${body.slice(at + words.length, at + words.length + 30).replace(/\s+/g, " ")}…`;
  const go = () => {
    const at = found[choice] ?? found[0];
    if (at !== undefined) onFound({ start: at, end: at + words.length });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
      className="space-y-3"
    >
      <Field id="quote-finder" label="Words to annotate" hint="Type or paste them exactly as the article has them.">
        <input
          id="quote-finder"
          autoFocus
          value={quote}
          onChange={(e) => {
            setQuote(e.target.value);
            setChoice(0);
          }}
          aria-describedby="quote-finder-hint quote-finder-status"
          className={inputClass}
        />
      </Field>
      <p id="quote-finder-status" aria-live="polite" className="text-xs text-slate-600">
        {words.length < 2
          ? ""
          : found.length === 0
            ? "Not in this article."
            : found.length === 1
              ? "Found once."
              : `Found ${found.length} times; choose one.`}
      </p>
      {found.length > 1 && (
        <fieldset className="space-y-1">
          <legend className="sr-only">Which occurrence</legend>
          {found.map((at, i) => (
            <label key={at} className="flex gap-2 text-xs text-slate-700">
              <input type="radio" name="occurrence" checked={choice === i} onChange={() => setChoice(i)} />
              <span className="font-serif">{context(at)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={found.length === 0}>
          Annotate these words
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
