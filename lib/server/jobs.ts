import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { type JobProgress, type JsonValue, readJobProgress, readJobResult } from "@/lib/domain/json-codecs.ts";
import { audit, type AuditContext } from "@/lib/server/audit.ts";
import { db, getDatabase } from "@/lib/server/database.ts";
import { type Progress, redetect } from "@/lib/server/detection.ts";
import { jsonColumn } from "@/lib/server/json-column.ts";

/*
 * Long work off the request: a page asks for it, gets a job id at once, and follows its progress.
 *
 * Jobs are rows of "Job". Any instance's worker takes the oldest queued one with
 * `FOR UPDATE SKIP LOCKED` (so two instances never run the same job), runs it in this process,
 * and records its outcome. While it runs it says how far it got: in this process's memory (read
 * by the status action here) and, on PostgreSQL, in the row about once a second, which is also
 * its heartbeat: a running job silent for two minutes (its instance died) is taken up again.
 * The embedded PGlite has one connection, held by the job's own transaction: there the row is
 * written when the job ends, and the progress is read from memory (one process serves it all).
 *
 * A queue of our own rather than pg-boss or graphile-worker: both need a PostgreSQL server
 * (their own schemas, LISTEN/NOTIFY, many connections) and would leave the embedded database
 * without jobs. This one runs the same on both, in about a hundred lines.
 */

export const JOB_KINDS = ["redetect"] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export type { JobProgress };
export type JobView = {
  id: string;
  kind: string;
  status: JobStatus;
  progress: JobProgress | null;
  result: JsonValue | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

type Claimed = { id: string; kind: string; investigationId: string | null; createdById: string | null };

/** What each kind of job does. It runs with the rights of whoever asked for it (checked then). */
const HANDLERS: Record<JobKind, (job: Claimed, ctx: AuditContext, report: Progress) => Promise<JsonValue>> = {
  redetect: async (job, ctx, report) => {
    if (!job.investigationId) throw new ExpectedError("invalid_input", "This job names no investigation.");
    return await redetect(ctx, job.investigationId, report);
  },
};

/** A running job silent this long is taken to be orphaned (its worker stopped) and run again. */
const STALE_AFTER_MS = 2 * 60_000;
const PROGRESS_EVERY_MS = 1_000;

type Worker = { busy: boolean; timer: NodeJS.Timeout | null; progress: Map<string, JobProgress> };
const worker: Worker = ((globalThis as { crosscheckJobs?: Worker }).crosscheckJobs ??= { busy: false, timer: null, progress: new Map() });

/**
 * Asks for a job; when one of the same kind is already waiting or running for the investigation,
 * that one is returned instead (asking twice does the work once). Audited.
 */
export async function enqueueJob(ctx: AuditContext, kind: JobKind, investigationId: string): Promise<{ id: string; existing: boolean }> {
  const outcome = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`job:${kind}:${investigationId}`}, 0))`;
    const investigation = await tx.investigation.findUnique({ where: { id: investigationId }, select: { id: true } });
    if (!investigation) throw new ExpectedError("not_found", "That investigation no longer exists.");
    const pending = await tx.job.findFirst({
      where: { investigationId, kind, status: { in: ["queued", "running"] } },
      select: { id: true },
    });
    if (pending) return { id: pending.id, existing: true };
    const job = await tx.job.create({ data: { investigationId, kind, createdById: ctx.actorId }, select: { id: true } });
    await audit(tx, ctx, { action: "job.enqueue", objectType: "Job", objectId: job.id, investigationId, after: { kind } });
    return { id: job.id, existing: false };
  });
  kick();
  return outcome;
}

/** A job of this investigation as its page shows it (progress from this process when it runs here). */
export async function jobStatus(investigationId: string, jobId: string): Promise<JobView | null> {
  const row = await db().job.findFirst({
    where: { id: jobId, investigationId },
    select: { id: true, kind: true, status: true, progress: true, result: true, error: true, createdAt: true, finishedAt: true },
  });
  if (!row) return null;
  const status = JOB_STATUSES.find((s) => s === row.status) ?? "failed";
  const progress = worker.progress.get(row.id) ?? readJobProgress(row.progress);
  return { ...row, status, progress, result: row.result === null ? null : readJobResult(row.result) };
}

/**
 * Takes the oldest job waiting (or orphaned) and runs it to the end. False when there was none.
 * One at a time per process; the worker and tests call it.
 */
export async function runNextJob(): Promise<boolean> {
  const stale = new Date(Date.now() - STALE_AFTER_MS).toISOString();
  const now = new Date().toISOString();
  const claimed = await db().$queryRaw<Claimed[]>`
    UPDATE "Job" SET "status" = 'running', "startedAt" = ${now}::timestamptz AT TIME ZONE 'UTC',
      "heartbeatAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
    WHERE "id" = (SELECT "id" FROM "Job"
      WHERE "status" = 'queued' OR ("status" = 'running' AND "heartbeatAt" < ${stale}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY "createdAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING "id", "kind", "investigationId", "createdById"`;
  const job = claimed[0];
  if (!job) return false;
  const ctx: AuditContext = { actorId: job.createdById, requestId: `job:${job.id}` };
  const writesProgress = getDatabase().engine === "postgres";
  let written = 0;
  const report: Progress = (p) => {
    worker.progress.set(job.id, p);
    if (!writesProgress || Date.now() - written < PROGRESS_EVERY_MS) return;
    written = Date.now();
    // Not awaited: the work does not wait for its progress to be written.
    void db()
      .job.update({ where: { id: job.id }, data: { progress: p, heartbeatAt: new Date() } })
      .catch(() => undefined);
  };
  try {
    const kind = JOB_KINDS.find((k) => k === job.kind);
    const handler = kind && HANDLERS[kind];
    if (!handler) throw new ExpectedError("invalid_input", `No such kind of job: ${job.kind}.`);
    const result = await handler(job, ctx, report);
    await db().job.update({
      where: { id: job.id },
      data: {
        status: "done",
        result: result === null ? undefined : jsonColumn(result),
        progress: worker.progress.get(job.id) ?? undefined,
        finishedAt: new Date(),
      },
    });
  } catch (error) {
    const message = error instanceof ExpectedError ? error.message : "It stopped on an unexpected error (see the server's log).";
    if (!(error instanceof ExpectedError)) console.error(`[crosscheck] job ${job.id} (${job.kind}) failed`, error);
    await db().$transaction(async (tx) => {
      await tx.job.update({ where: { id: job.id }, data: { status: "failed", error: message, finishedAt: new Date() } });
      await audit(tx, ctx, {
        action: "job.fail",
        objectType: "Job",
        objectId: job.id,
        investigationId: job.investigationId,
        after: { error: message },
      });
    });
  } finally {
    worker.progress.delete(job.id);
  }
  return true;
}

/** Runs jobs until none is waiting, one at a time in this process. */
async function drain(): Promise<void> {
  if (worker.busy) return;
  worker.busy = true;
  try {
    while (await runNextJob());
  } catch (error) {
    console.error("[crosscheck] the job worker could not read its queue", error);
  } finally {
    worker.busy = false;
  }
}

/** Looks for work now (a job was just asked for here). */
function kick() {
  if (worker.timer) setImmediate(() => void drain());
}

/**
 * Starts this process's worker (the server calls it at start): it looks for jobs every few
 * seconds, and at once when one is asked for here. CROSSCHECK_JOBS=off leaves a process without
 * one (e.g. web instances when workers run on machines of their own).
 */
export function startJobWorker(everyMs = 3_000): void {
  if (worker.timer || process.env.CROSSCHECK_JOBS === "off") return;
  worker.timer = setInterval(() => void drain(), everyMs);
  worker.timer.unref();
  void drain();
}
