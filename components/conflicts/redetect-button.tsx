"use client";

import { useEffect, useState } from "react";
import { redetectConflicts } from "@/lib/features/conflicts/actions.ts";
import { readJob } from "@/lib/features/jobs/actions.ts";
import { Button } from "@/components/button.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import type { JobView } from "@/lib/server/jobs.ts";

type Report = { opened: number; updated: number; reopened: number; closed: number };
const isReport = (v: unknown): v is Report =>
  typeof v === "object" &&
  v !== null &&
  ["opened", "updated", "reopened", "closed"].every((k) => typeof (v as Record<string, unknown>)[k] === "number");

/**
 * Recomputes every detected conflict from scratch (reviewers). It runs as a job: the button asks
 * for it, then the page follows it — what it is doing, how far it got — and says what changed.
 * Leaving the page does not stop it.
 */
export function RedetectButton({ investigationId }: { investigationId: string }) {
  const [job, setJob] = useState<{ id: string; view: JobView | null } | null>(null);
  const [trouble, setTrouble] = useState<string | null>(null);
  // Counts failed reads, so that one failure schedules the next try.
  const [tries, setTries] = useState(0);
  const run = useFormAction(redetectConflicts, {
    onSuccess: (result) => {
      setTrouble(null);
      setJob({ id: result.id, view: null });
    },
  });
  const finished = job?.view?.status === "done" || job?.view?.status === "failed";

  // Follows the job about once a second until it has finished.
  useEffect(() => {
    if (!job || finished) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      const answer = await readJob({ investigationId, jobId: job.id }).catch(() => null);
      if (stopped) return;
      if (answer?.ok) {
        setTrouble(null);
        setJob({ id: job.id, view: answer });
      } else {
        setTrouble(answer?.message ?? "The job's progress cannot be read just now; trying again.");
        setTries((n) => n + 1);
      }
    }, 1_000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [job, finished, investigationId, tries]);

  const view = job?.view;
  const running = Boolean(job) && !finished;
  const progress = view?.status === "running" ? view.progress : null;
  return (
    <form {...run.formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="investigationId" value={investigationId} />
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {trouble ??
          (run.state && !run.state.ok
            ? run.state.message
            : view?.status === "done"
              ? summary(view.result)
              : view?.status === "failed"
                ? `Detection stopped: ${view.error}`
                : progress
                  ? `${progress.phase}${progress.total ? `: ${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")}` : "…"}`
                  : running
                    ? "Waiting to start…"
                    : null)}
      </span>
      {progress?.total ? (
        <progress value={progress.done} max={progress.total} aria-label="Detection progress" className="h-1.5 w-24 accent-indigo-600" />
      ) : null}
      <Button type="submit" variant="ghost" pending={run.pending || running} pendingLabel="Checking…">
        Re-run detection
      </Button>
    </form>
  );
}

function summary(result: JobView["result"]): string {
  const r = isReport(result) ? result : null;
  if (!r) return "Done.";
  return r.opened + r.updated + r.reopened + r.closed === 0
    ? "Up to date: nothing changed."
    : `${r.opened} new, ${r.updated} updated, ${r.reopened} reopened, ${r.closed} closed.`;
}
