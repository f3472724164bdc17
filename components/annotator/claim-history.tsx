"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/button.tsx";
import { auditActionLabel } from "@/lib/domain/audit-actions.ts";
import { formatMoment } from "@/lib/domain/format.ts";
import { readClaimHistory } from "@/lib/features/claims/actions.ts";
import type { ClaimEvent } from "@/lib/server/claims.ts";

type Loaded = { ok: true; history: ClaimEvent[] } | { ok: false; message: string };

/**
 * A claim's history, asked for when the claim is opened (the page does not carry every claim's),
 * and again once the claim has changed (`version`): what was done, by whom, when, newest first.
 */
export function ClaimHistory({ investigationId, claimId, version }: { investigationId: string; claimId: string; version: number }) {
  const [attempt, setAttempt] = useState(0);
  const asked = `${claimId}@${version}#${attempt}`;
  const [loaded, setLoaded] = useState<{ for: string; result: Loaded } | null>(null);
  useEffect(() => {
    let current = true;
    const answer = (result: Loaded) => current && setLoaded({ for: asked, result });
    readClaimHistory({ investigationId, id: claimId }).then(
      (result) => answer(result.ok ? { ok: true, history: result.history } : { ok: false, message: result.message }),
      // The request itself failed (offline, server gone): nothing from the server to show.
      () => answer({ ok: false, message: "The server could not be reached." }),
    );
    return () => {
      current = false;
    };
  }, [investigationId, claimId, asked]);
  const shown = loaded?.for === asked ? loaded.result : null;

  return (
    <section aria-labelledby="claim-history-heading" aria-busy={shown === null}>
      <h3 id="claim-history-heading" className="mt-5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        History
      </h3>
      {shown === null ? (
        <p role="status" className="mt-2 text-xs text-slate-500">
          Loading history…
        </p>
      ) : !shown.ok ? (
        <div role="alert" className="mt-2 flex flex-wrap items-center gap-2 text-xs text-red-800">
          <span>History could not be loaded. {shown.message}</span>
          <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </Button>
        </div>
      ) : shown.history.length === 0 ? (
        <p className="mt-2 text-xs text-slate-500">Nothing on record.</p>
      ) : (
        <ol className="mt-2 space-y-1 text-xs text-slate-600">
          {shown.history.map((event) => (
            <li key={event.id}>
              {auditActionLabel(event.action)} by {event.actor ?? "the demo seed"} · {formatMoment(new Date(event.at))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
