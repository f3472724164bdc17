"use client";

import { redetectConflicts } from "@/lib/features/conflicts/actions.ts";
import { Button } from "@/components/button.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

/** Recomputes every detected conflict from scratch (reviewers), and says what changed. */
export function RedetectButton({ investigationId }: { investigationId: string }) {
  const run = useFormAction(redetectConflicts);
  const r = run.state;
  return (
    <form {...run.formProps} className="flex items-center gap-2">
      <input type="hidden" name="investigationId" value={investigationId} />
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {r?.ok
          ? r.opened + r.updated + r.reopened + r.closed === 0
            ? "Up to date: nothing changed."
            : `${r.opened} new, ${r.updated} updated, ${r.reopened} reopened, ${r.closed} closed.`
          : r && !r.ok
            ? r.message
            : null}
      </span>
      <Button type="submit" variant="ghost" pending={run.pending} pendingLabel="Checking…">
        Re-run detection
      </Button>
    </form>
  );
}
