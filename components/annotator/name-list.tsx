"use client";

import type { ReaderName } from "@/lib/server/name-proposals.ts";

/** The article's proposed names, to open from the keyboard (or to see at a glance). */
export function NameList({ names, onOpen }: { names: ReaderName[]; onOpen: (name: ReaderName) => void }) {
  if (!names.length) return null;
  return (
    <section aria-label="Names not yet entities" className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
      <h2 className="mb-2 flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        <span aria-hidden className="inline-block h-2.5 w-4 border-b-2 border-dashed border-violet-500" />
        Names not yet entities ({names.length})
      </h2>
      <ul className="flex flex-wrap gap-1.5">
        {names.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              onClick={() => onOpen(n)}
              className="rounded-full bg-violet-50 px-2.5 py-0.5 text-violet-900 ring-1 ring-violet-200 hover:bg-violet-100 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:outline-none"
            >
              {n.name}
              {n.aliasOf.length > 0 && <span className="text-violet-600"> · alias?</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
