"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { deleteClaim, restoreClaim, retractClaim } from "@/lib/features/claims/actions.ts";
import { Button, buttonClass } from "@/components/button.tsx";
import { Field, inputClass } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { KIND_LABELS } from "@/lib/domain/conflict-labels.ts";
import type { ConflictChange } from "@/lib/domain/conflict-changes.ts";
import type { ClaimSaved, ReaderClaim } from "@/lib/server/claims.ts";
import { ClaimHistory } from "@/components/annotator/claim-history.tsx";

const STATUS_LABELS: Record<ReaderClaim["status"], string> = {
  active: "Active",
  rejected: "Rejected by a reviewer",
  superseded: "Superseded",
  retracted: "Retracted",
};

/** One claim: what it says, where, its state and history, and what can be done with it. */
export function ClaimDetails({
  investigationId,
  claim,
  onEdit,
  onClose,
  onChanged,
  onDeleted,
  readOnly = false,
}: {
  investigationId: string;
  claim: ReaderClaim;
  /** A viewer's: the claim is shown, with nothing to change it. */
  readOnly?: boolean;
  onEdit: () => void;
  onClose: () => void;
  onChanged: (saved: ClaimSaved) => void;
  onDeleted: (result: { conflicts: ConflictChange[]; openConflicts?: number }) => void;
}) {
  // /investigations/<slug>/articles/<id> → /investigations/<slug>/conflicts
  const conflictsBase = `${usePathname().split("/").slice(0, 3).join("/")}/conflicts`;
  const [confirm, setConfirm] = useState<"retract" | "delete" | null>(null);
  const retract = useFormAction(retractClaim, { onSuccess: (saved) => (setConfirm(null), onChanged(saved)) });
  const restore = useFormAction(restoreClaim, { onSuccess: onChanged });
  const remove = useFormAction(deleteClaim, { onSuccess: onDeleted });
  const ids = (
    <>
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="id" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
    </>
  );
  const rows: [string, React.ReactNode][] = [
    ["Subject", claim.subjectText === claim.subject.name ? claim.subject.name : `${claim.subject.name} (as “${claim.subjectText}”)`],
    ["Attribute", claim.attributeLabel],
    [
      "Value",
      <>
        {claim.valueText} <span className="block text-xs text-slate-500">→ {claim.reading}</span>
      </>,
    ],
    ...(claim.asOfText ? ([["As of", claim.asOfText]] as [string, React.ReactNode][]) : []),
    ...(claim.note ? ([["Note", claim.note]] as [string, React.ReactNode][]) : []),
    ...(claim.accordingTo ? ([["According to", claim.accordingTo]] as [string, React.ReactNode][]) : []),
    ...(claim.method ? ([["Method or baseline", claim.method]] as [string, React.ReactNode][]) : []),
    ...(claim.appliesToPart ? ([["Applies to part", claim.appliesToPart]] as [string, React.ReactNode][]) : []),
    // Provenance: a claim accepted from a suggestion says so, and who vouched for it.
    ...(claim.proposedConfidence !== undefined
      ? ([
          [
            "Recorded",
            <>
              Proposed by Crosscheck, accepted by {claim.createdBy ?? "a former account"}
              <span className="block text-xs text-slate-500">{Math.round(claim.proposedConfidence * 100)}% confident when proposed</span>
            </>,
          ],
        ] as [string, React.ReactNode][])
      : []),
    ["Status", claim.statusReason ? `${STATUS_LABELS[claim.status]}: ${claim.statusReason}` : STATUS_LABELS[claim.status]],
    ...(claim.conflicts.length
      ? ([
          [
            "Conflicts",
            <ul key="conflicts" className="space-y-0.5">
              {claim.conflicts.map((c) => (
                <li key={c.id}>
                  <Link href={`${conflictsBase}/${c.id}`} className="text-indigo-700 hover:underline">
                    {KIND_LABELS[c.kind]}
                  </Link>{" "}
                  <span className="text-xs text-slate-500">({c.status})</span>
                </li>
              ))}
            </ul>,
          ],
        ] as [string, React.ReactNode][])
      : []),
  ];
  return (
    <section
      aria-label="Claim"
      className="rounded-lg bg-white p-4 shadow-sm ring-2 ring-indigo-200"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="mb-3 flex items-start justify-between gap-2">
        <h2 className="font-semibold">Claim</h2>
        <Button variant="ghost" className="-mt-1 -mr-2 px-2 py-1" onClick={onClose} aria-label="Close claim">
          ✕
        </Button>
      </div>
      {claim.anchor === null && (
        <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
          Orphaned: these words are no longer in the article, so the claim is not highlighted.
        </p>
      )}
      <blockquote className="mb-3 border-l-4 border-amber-300 bg-amber-50 px-3 py-2 font-serif text-sm">{claim.quote}</blockquote>
      <dl className="space-y-2 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="grid grid-cols-[6rem_1fr] gap-2">
            <dt className="text-slate-500">{term}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>

      {readOnly ? null : (
        <div className="mt-4 flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onEdit} autoFocus>
            Edit
          </Button>
          {claim.status === "retracted" ? (
            <form {...restore.formProps}>
              {ids}
              <Button type="submit" variant="secondary" pending={restore.pending}>
                Restore
              </Button>
            </form>
          ) : (
            <Button variant="secondary" onClick={() => setConfirm("retract")}>
              Retract…
            </Button>
          )}
          <Button variant="danger" onClick={() => setConfirm("delete")}>
            Delete…
          </Button>
          <Link href={`${conflictsBase}/new?claim=${claim.id}`} className={buttonClass("ghost")}>
            Mark as conflicting…
          </Link>
        </div>
      )}

      {confirm === "retract" && (
        <form {...retract.formProps} className="mt-4 space-y-3 rounded-md bg-slate-50 p-3">
          {ids}
          <Field id="retract-reason" label="Why is it retracted?" errors={retract.fieldErrors?.reason}>
            <input id="retract-reason" name="reason" autoFocus className={inputClass} placeholder="e.g. misread the figure" />
          </Field>
          <p className="text-xs text-slate-500">A retracted claim stays on record with its reason, but no longer counts.</p>
          <FormMessage state={retract.state && !retract.state.ok && !retract.fieldErrors ? retract.state : null} />
          <div className="flex gap-2">
            <Button type="submit" pending={retract.pending}>
              Retract claim
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirm(null)}>
              Keep it
            </Button>
          </div>
        </form>
      )}
      {confirm === "delete" && (
        <form {...remove.formProps} className="mt-4 space-y-3 rounded-md bg-red-50 p-3">
          {ids}
          <p className="text-sm text-red-900">Delete this claim? Use this for mistakes; its history is kept in the audit trail.</p>
          <FormMessage state={remove.state} />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" pending={remove.pending} autoFocus>
              Delete claim
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirm(null)}>
              Keep it
            </Button>
          </div>
        </form>
      )}
      <FormMessage state={restore.state && !restore.state.ok ? restore.state : null} />

      <ClaimHistory investigationId={investigationId} claimId={claim.id} version={claim.version} />
    </section>
  );
}
