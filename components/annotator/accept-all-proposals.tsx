"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/button.tsx";
import { acceptedInBatch, BATCH_CONFIDENCES } from "@/lib/domain/proposal-batch.ts";
import { acceptAllProposals } from "@/lib/features/proposals/actions.ts";
import type { ReaderProposal } from "@/lib/server/suggestions.ts";

/**
 * A reviewer's batch: every suggestion of the article at or above a confidence, with an entity
 * for subject and an attribute guessed, saved as claims marked machine-proposed and accepted by
 * them. A confirmation says how many first; the reader reloads its claims after.
 */
export function AcceptAllProposals({
  investigationId,
  articleId,
  proposals,
  onDone,
}: {
  investigationId: string;
  articleId: string;
  proposals: ReaderProposal[];
  onDone: (message: string, openConflicts?: number) => void;
}) {
  const router = useRouter();
  const [min, setMin] = useState<number>(0.8);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const count = proposals.filter((p) =>
    acceptedInBatch({ confidence: p.confidence, subjectId: p.subject?.entityId ?? null, attribute: p.attribute }, min),
  ).length;
  const claims = `${count} claim${count === 1 ? "" : "s"}`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const accept = () =>
    startTransition(async () => {
      const result = await acceptAllProposals({ investigationId, articleId, minConfidence: min });
      if (!result.ok) return setError(result.message);
      setError(null);
      setConfirming(false);
      const left = result.skipped + result.failed;
      onDone(
        `Saved ${result.saved} suggested claim${result.saved === 1 ? "" : "s"}${left ? `; ${left} left to check by hand` : ""}.`,
        result.openConflicts,
      );
      router.refresh();
      openRef.current?.focus();
    });

  return (
    <div className="ml-auto flex flex-wrap items-center gap-2">
      <label htmlFor="accept-all-min">Accept all with confidence ≥</label>
      <select
        id="accept-all-min"
        value={min}
        onChange={(e) => {
          setMin(Number(e.target.value));
          setConfirming(false);
        }}
        className="rounded border-0 bg-white py-0.5 pr-7 pl-2 text-xs ring-1 ring-slate-300"
      >
        {BATCH_CONFIDENCES.map((c) => (
          <option key={c} value={c}>
            {Math.round(c * 100)}%
          </option>
        ))}
      </select>
      {count === 0 ? (
        // Said, not a dead button: the others need a subject or an attribute chosen by hand.
        <span>none ready at this confidence</span>
      ) : (
        <button
          ref={openRef}
          type="button"
          disabled={confirming}
          onClick={() => setConfirming(true)}
          className="rounded font-medium text-indigo-700 hover:underline disabled:cursor-not-allowed disabled:text-slate-500 disabled:no-underline"
        >
          Accept {claims}…
        </button>
      )}
      {confirming && (
        <div
          role="alertdialog"
          aria-labelledby="accept-all-question"
          className="flex w-full flex-wrap items-center gap-2 rounded-md bg-white px-3 py-2 text-sm text-slate-800 ring-1 ring-indigo-200"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              setConfirming(false);
              openRef.current?.focus();
            }
          }}
        >
          <p id="accept-all-question" className="mr-auto">
            Save {claims} suggested in this article with confidence ≥ {Math.round(min * 100)}%? Each is marked as proposed by Crosscheck and
            accepted by you.
          </p>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button type="button" ref={confirmRef} onClick={accept} pending={pending} pendingLabel="Saving…">
            Save {claims}
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
