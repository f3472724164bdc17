"use client";

import { memo, useSyncExternalStore } from "react";
import { openConflictsOf, openConflictText } from "@/components/annotator/reader-state.ts";
import type { ReaderClaim } from "@/lib/server/claims.ts";

const DOT: Record<ReaderClaim["status"], string> = {
  active: "bg-amber-400",
  rejected: "bg-red-500",
  superseded: "bg-slate-400",
  retracted: "bg-slate-300",
};

/**
 * How many entries the server draws with the page: more than the list shows before it is
 * scrolled. The rest are drawn in the browser once the page answers: hundreds of entries cost
 * the server more to draw and send than the article's text, for a list read by scrolling.
 */
const FIRST_ENTRIES = 30;

const noChange = () => () => {};
/** False while drawn on the server and hydrated; true once drawn in the browser. */
const useDrawnHere = () =>
  useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );

/**
 * The article's claims in text order; choosing one jumps to its highlight. Orphans are listed
 * with their quote. Drawn again only when its claims or the open one change, and then only the
 * entries that changed: the list stays quick at hundreds of claims.
 */
export const ClaimList = memo(function ClaimList({
  claims,
  orphans,
  selectedId,
  onOpen,
  describe,
}: {
  claims: ReaderClaim[];
  orphans: ReaderClaim[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  describe: (claim: ReaderClaim) => string;
}) {
  const drawn = useDrawnHere();
  // Without JavaScript the list stops at the first entries: it says so, and how many are left.
  const notDrawn = drawn ? 0 : Math.max(0, claims.length - FIRST_ENTRIES);
  return (
    <section aria-labelledby="claim-list-heading" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id="claim-list-heading" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold">
        Claims in this article <span className="font-normal text-slate-500">({claims.length + orphans.length})</span>
      </h2>
      {claims.length + orphans.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">No claims yet.</p>
      ) : (
        <ol className="claim-entries divide-y divide-slate-100">
          {(drawn ? claims : claims.slice(0, FIRST_ENTRIES)).map((c) => (
            <ClaimItem key={c.id} claim={c} current={c.id === selectedId} onOpen={onOpen} />
          ))}
        </ol>
      )}
      {notDrawn > 0 && (
        <p className="border-t border-slate-100 px-4 py-2 text-sm text-slate-500">
          and {notDrawn} more {notDrawn === 1 ? "claim" : "claims"}
        </p>
      )}
      {orphans.length > 0 && (
        <div className="border-t border-amber-200 bg-amber-50 px-4 py-3">
          <h3 className="text-xs font-semibold text-amber-900">Orphaned: their words are no longer in the text</h3>
          <ul className="mt-2 space-y-2">
            {orphans.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => onOpen(c.id)} className="text-left text-xs text-amber-900 hover:underline">
                  {describe(c)} — “{c.quote}”
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});

/** One claim of the list: drawn again only when it changes or is opened or closed. */
const ClaimItem = memo(function ClaimItem({
  claim: c,
  current,
  onOpen,
}: {
  claim: ReaderClaim;
  current: boolean;
  onOpen: (id: string) => void;
}) {
  return (
    <li>
      <button type="button" onClick={() => onOpen(c.id)} aria-current={current ? "true" : undefined} className="claim-entry">
        {/* Named by what it shows (the spaces keep the lines apart in the name), its status said in words. */}
        <span aria-hidden className={`claim-entry-dot ${DOT[c.status]}`} />
        <span className="min-w-0">
          <span className="claim-entry-name">{`${c.subject.name} · ${c.attributeLabel}`}</span>{" "}
          <span className={c.status === "retracted" ? "claim-entry-value line-through" : "claim-entry-value"}>
            {c.valueText}
            {c.status !== "active" && <span className="sr-only"> ({c.status})</span>}
          </span>{" "}
          {openConflictsOf(c).length > 0 && (
            <span className="block text-xs font-medium text-rose-700 underline decoration-dashed underline-offset-4">
              {capitalized(openConflictText(c))}
            </span>
          )}
        </span>
      </button>
    </li>
  );
});

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
