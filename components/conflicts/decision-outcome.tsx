"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useRef } from "react";
import { buttonClass } from "@/components/button.tsx";
import { plural } from "@/lib/domain/format.ts";

/**
 * What a reviewer sees once a decision is recorded, before moving on: the decision, a link to
 * this conflict, "Reopen" and the way on. The way on has the focus, so the next open conflict is
 * one key (Enter) away, as it was when recording moved on by itself.
 */
export function DecisionOutcome({
  children,
  conflictHref,
  nextHref,
  queueHref,
  openLeft,
  canReopen,
}: {
  /** The decision as the page shows it: what was decided, by whom, the rationale. */
  children: ReactNode;
  conflictHref: string;
  /** The next open conflict, or null when the queue is clear. */
  nextHref: string | null;
  queueHref: string;
  openLeft: number;
  canReopen: boolean;
}) {
  const onward = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    onward.current?.focus();
  }, []);
  const reopen = () => {
    const field = document.getElementById("reopen-reason");
    field?.scrollIntoView({ block: "center", behavior: "smooth" });
    field?.focus({ preventScroll: true });
  };
  return (
    <section
      aria-labelledby="outcome-heading"
      className="mb-6 rounded-lg bg-emerald-50 p-4 text-sm text-emerald-950 ring-1 ring-emerald-200"
    >
      <h2 id="outcome-heading" className="font-semibold">
        Decision recorded
      </h2>
      <div className="mt-2">{children}</div>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Link ref={onward} href={nextHref ?? queueHref} className={buttonClass("primary")}>
          {nextHref ? "Next open conflict →" : "Back to the conflicts"}
        </Link>
        {canReopen && (
          <button type="button" onClick={reopen} className={buttonClass("secondary")}>
            Reopen…
          </button>
        )}
        <Link href={conflictHref} className="rounded px-2 py-1 font-medium text-emerald-900 underline hover:no-underline">
          Link to this conflict
        </Link>
      </div>
      <p role="status" className="mt-2 text-xs text-emerald-900">
        {nextHref
          ? `${plural(openLeft, "open conflict")} left. Press Enter for the next one.`
          : "The queue is clear: no open conflict left."}
      </p>
    </section>
  );
}
