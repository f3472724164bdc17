"use client";

import type { ReactNode } from "react";

const kbd = "rounded border border-slate-300 bg-white px-1 font-mono text-[0.7rem] text-slate-700";

/**
 * The switch that shows or hides suggested claims, how many there are, and the keys that walk
 * them: what makes a keyboard-only pass over an article discoverable.
 */
export function SuggestionsBar({
  show,
  onShowChange,
  count,
  children,
}: {
  show: boolean;
  onShowChange: (show: boolean) => void;
  /** How many are shown; null while they are being worked out, or hidden before they were. */
  count: number | null;
  /** More for those allowed (accepting all at once). */
  children?: ReactNode;
}) {
  return (
    <div className="-mx-5 flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-100 bg-sky-50/60 px-5 py-1.5 text-xs text-slate-600 sm:-mx-8 sm:px-8">
      <label className="flex cursor-pointer items-center gap-2 font-medium text-slate-800">
        <input type="checkbox" role="switch" checked={show} onChange={(e) => onShowChange(e.target.checked)} className="peer sr-only" />
        <span
          aria-hidden
          className="relative inline-block h-4 w-7 rounded-full bg-slate-300 transition-colors peer-checked:bg-sky-600 peer-focus-visible:ring-2 peer-focus-visible:ring-sky-500 peer-focus-visible:ring-offset-1 after:absolute after:top-0.5 after:left-0.5 after:size-3 after:rounded-full after:bg-white after:transition-transform peer-checked:after:translate-x-3"
        />
        Show suggestions
      </label>
      <span aria-live="polite" className="tabular-nums">
        {count === null
          ? show
            ? "Finding suggestions…"
            : ""
          : count === 0
            ? "No suggestions"
            : `${count} suggestion${count === 1 ? "" : "s"}`}
      </span>
      {show && !!count && (
        <span>
          <kbd className={kbd}>n</kbd>/<kbd className={kbd}>p</kbd> next/previous · <kbd className={kbd}>Enter</kbd> open ·{" "}
          <kbd className={kbd}>x</kbd> reject
        </span>
      )}
      {children}
    </div>
  );
}
