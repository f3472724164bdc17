"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRef, useState } from "react";
import { inputClass } from "@/components/field.tsx";
import { foldName } from "@/lib/domain/claims.ts";
import type { EntitySummary } from "@/lib/server/entities.ts";

/**
 * The entity list with a search over names and aliases. Only the rows in view are rendered, so a
 * story with thousands of entities scrolls as smoothly as one with fifteen.
 */
export function EntityDirectory({ entities, slug }: { entities: EntitySummary[]; slug: string }) {
  const [query, setQuery] = useState("");
  const q = foldName(query);
  const shown = q ? entities.filter((e) => foldName(e.name).includes(q) || e.aliases.some((a) => foldName(a.name).includes(q))) : entities;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders itself
  const rows = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 12,
    initialRect: { width: 800, height: 720 },
  });
  return (
    <div className="space-y-3">
      <label htmlFor="entity-search" className="sr-only">
        Search entities
      </label>
      <input
        id="entity-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search names and aliases"
        className={inputClass}
      />
      <p className="text-xs text-slate-500" aria-live="polite">
        {shown.length === entities.length ? `${entities.length} entities` : `${shown.length} of ${entities.length} entities`}
      </p>
      <div ref={scrollRef} className="max-h-[70vh] overflow-y-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        {shown.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-slate-500">No entity matches “{query}”.</p>
        ) : (
          <ul className="relative" style={{ height: rows.getTotalSize() }}>
            {rows.getVirtualItems().map((row) => {
              const e = shown[row.index]!;
              return (
                <li
                  key={e.id}
                  data-index={row.index}
                  ref={rows.measureElement}
                  className="absolute inset-x-0 top-0 border-b border-slate-200 last:border-b-0"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <Link
                    href={`/investigations/${slug}/entities/${e.id}`}
                    className="flex items-start justify-between gap-4 px-4 py-3 hover:bg-slate-50"
                  >
                    <span className="min-w-0">
                      <span className="font-medium text-slate-900">{e.name}</span>{" "}
                      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{e.kind}</span>
                      {e.aliases.length > 0 && (
                        <span className="mt-0.5 block truncate text-xs text-slate-500">
                          also: {e.aliases.map((a) => a.name).join(", ")}
                        </span>
                      )}
                    </span>
                    <span className="shrink-0 text-xs text-slate-500 tabular-nums">
                      {e.claimCount} claim{e.claimCount === 1 ? "" : "s"}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
