"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { createManualConflict } from "@/lib/features/conflicts/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, inputClass, TextArea } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { plural } from "@/lib/domain/format.ts";
import type { ClaimHit } from "@/lib/server/claims.ts";

export function ManualConflictForm({
  investigationId,
  query,
  initiallySelected,
  claims,
}: {
  investigationId: string;
  query: string;
  initiallySelected: string[];
  claims: ClaimHit[];
}) {
  const router = useRouter();
  const path = usePathname();
  const [selected, setSelected] = useState(new Set(initiallySelected));
  const [search, setSearch] = useState(query);
  const create = useFormAction(createManualConflict);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const runSearch = () => {
    const p = new URLSearchParams();
    if (search.trim()) p.set("q", search.trim());
    for (const id of selected) p.append("claim", id);
    router.push(`${path}?${p}`);
  };
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="pick-heading">
        <h2 id="pick-heading" className="sr-only">
          Claims
        </h2>
        <div className="mb-3 flex gap-2" role="search">
          <input
            type="search"
            aria-label="Search claims"
            placeholder="Search subject, attribute, value or quote…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), runSearch())}
            className={inputClass}
          />
          <Button type="button" variant="secondary" onClick={runSearch}>
            Search
          </Button>
        </div>
        {claims.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
            No claims match “{query}”.
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            {claims.map((c) => (
              <li key={c.id}>
                <label className="flex cursor-pointer items-start gap-3 px-4 py-2.5 hover:bg-slate-50 has-[:checked]:bg-indigo-50">
                  <input type="checkbox" checked={selected.has(c.id)} onChange={() => toggle(c.id)} className="mt-1" />
                  <span className="min-w-0 text-sm">
                    <span className="font-medium text-slate-900">
                      {c.subject} · {c.attributeLabel}: {c.valueText}
                    </span>
                    {c.status !== "active" && <span className="ml-2 text-xs text-slate-500">({c.status})</span>}
                    <span className="block truncate font-serif text-slate-600">“{c.quote}”</span>
                    <span className="block text-xs text-slate-500">{[c.article.outlet, c.article.title].filter(Boolean).join(" · ")}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form {...create.formProps} className="h-fit space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <input type="hidden" name="investigationId" value={investigationId} />
        {[...selected].map((id) => (
          <input key={id} type="hidden" name="claimIds" value={id} />
        ))}
        <p className="text-sm font-medium text-slate-800" aria-live="polite">
          {selected.size === 0 ? "No claims selected" : `${plural(selected.size, "claim")} selected`}
        </p>
        {create.fieldErrors?.claimIds?.length ? (
          <p className="text-xs font-medium text-red-700">{create.fieldErrors.claimIds.join(" ")}</p>
        ) : null}
        <Field id="manual-note" label="How do they disagree?" errors={create.fieldErrors?.note}>
          <TextArea id="manual-note" name="note" rows={4} errors={create.fieldErrors?.note} />
        </Field>
        <FormMessage state={create.state && !create.state.ok ? create.state : null} />
        <Button type="submit" pending={create.pending} disabled={selected.size < 2}>
          Mark as conflicting
        </Button>
      </form>
    </div>
  );
}
