"use client";

import Link from "next/link";
import type { KeyboardEvent } from "react";
import { KindBadge, StatusBadge } from "@/components/conflicts/badges.tsx";
import { RESOLUTION_LABELS } from "@/lib/domain/conflicts.ts";
import { plural } from "@/lib/domain/format.ts";
import type { QueueItem } from "@/lib/server/conflicts.ts";

const NEXT = new Set(["ArrowDown", "j"]);
const PREVIOUS = new Set(["ArrowUp", "k"]);

/** The queue: one link per conflict; ↑/↓ (or j/k) move between them, Home/End jump, Enter opens. */
export function QueueList({ slug, items }: { slug: string; items: QueueItem[] }) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>("a[data-conflict]")];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    let to: number | null = null;
    if (NEXT.has(event.key)) to = Math.min(links.length - 1, at + 1);
    else if (PREVIOUS.has(event.key)) to = Math.max(0, at - 1);
    else if (event.key === "Home") to = 0;
    else if (event.key === "End") to = links.length - 1;
    if (to === null) return;
    event.preventDefault();
    links[to]?.focus();
  };
  return (
    <>
      <p className="mb-2 text-xs text-slate-600">
        {plural(items.length, "conflict")} · <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> or{" "}
        <kbd className="font-sans">j</kbd> <kbd className="font-sans">k</kbd> to move, <kbd className="font-sans">Enter</kbd> to open
      </p>
      <ul
        onKeyDown={onKeyDown}
        aria-label="Conflicts"
        className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
      >
        {items.map((item) => (
          <li key={item.id}>
            <Link
              href={`/investigations/${slug}/conflicts/${item.id}`}
              data-conflict
              className="block px-4 py-3 outline-none hover:bg-slate-50 focus-visible:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-600"
            >
              <span className="flex flex-wrap items-center gap-2">
                <KindBadge kind={item.kind} />
                <span className="min-w-0 font-medium text-slate-900">{item.title}</span>
                <span className="ml-auto flex items-center gap-2">
                  {item.status !== "open" && <StatusBadge status={item.status} />}
                  <span className="text-xs text-slate-600">{item.sources > 0 ? plural(item.sources, "source") : "two entities"}</span>
                </span>
              </span>
              {item.values.length > 0 && (
                <span className="mt-1.5 flex flex-wrap items-center gap-1.5 text-sm">
                  {item.values.map((v, i) => (
                    <span key={v} className="flex items-center gap-1.5">
                      {i > 0 && <span className="text-xs text-slate-600">vs</span>}
                      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800">{v}</span>
                    </span>
                  ))}
                </span>
              )}
              <span className="mt-1 block text-sm text-slate-600">{item.summary}</span>
              {item.status === "open" && item.reopenReason && (
                <span className="mt-1 block text-xs font-medium text-amber-800">Reopened: {item.reopenReason}</span>
              )}
              {item.resolution && (
                <span className="mt-1 block text-xs text-slate-600">
                  {RESOLUTION_LABELS[item.resolution.kind]} · {item.resolution.by}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
