import { CONFLICT_STATUS_LABELS, type ConflictStatus } from "@/lib/domain/conflict-lifecycle.ts";
import { type ConflictKind, KIND_LABELS } from "@/lib/domain/conflicts.ts";

const KIND_STYLES: Record<ConflictKind, string> = {
  scale: "bg-rose-50 text-rose-800 ring-rose-200",
  value: "bg-rose-50 text-rose-800 ring-rose-200",
  misattribution: "bg-orange-50 text-orange-800 ring-orange-200",
  correction: "bg-sky-50 text-sky-800 ring-sky-200",
  naming: "bg-violet-50 text-violet-800 ring-violet-200",
  set: "bg-amber-50 text-amber-800 ring-amber-200",
  temporal: "bg-teal-50 text-teal-800 ring-teal-200",
  manual: "bg-slate-100 text-slate-700 ring-slate-300",
  measure: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  containment: "bg-lime-50 text-lime-800 ring-lime-200",
};

const pill = "inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function KindBadge({ kind }: { kind: ConflictKind }) {
  return <span className={`${pill} ${KIND_STYLES[kind]}`}>{KIND_LABELS[kind]}</span>;
}

const STATUS_STYLES: Record<ConflictStatus, string> = {
  open: "bg-amber-100 text-amber-900 ring-amber-300",
  resolved: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  dismissed: "bg-slate-100 text-slate-600 ring-slate-300",
};

export function StatusBadge({ status }: { status: ConflictStatus }) {
  return <span className={`${pill} ${STATUS_STYLES[status]}`}>{CONFLICT_STATUS_LABELS[status]}</span>;
}

const CLAIM_STATUS: Record<string, string> = {
  rejected: "bg-red-50 text-red-800 ring-red-200",
  superseded: "bg-slate-100 text-slate-700 ring-slate-300",
  retracted: "bg-slate-100 text-slate-700 ring-slate-300",
};

export function ClaimStatusBadge({ status }: { status: string }) {
  if (status === "active") return null;
  return <span className={`${pill} ${CLAIM_STATUS[status] ?? ""}`}>{status[0]!.toUpperCase() + status.slice(1)}</span>;
}
