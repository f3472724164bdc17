import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { type JobProgress, type JsonValue, readJobProgress, readJobResult } from "@/lib/domain/json-codecs.ts";
import { audit, type AuditContext } from "@/lib/server/audit.ts";
import { db, getDatabase } from "@/lib/server/database.ts";
import { type Progress, redetect } from "@/lib/server/detection.ts";
import { jsonColumn } from "@/lib/server/json-column.ts";
import { sqlDate } from "@/lib/server/sql-values.ts";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { type ImportOutcome, parseArticleFile } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";

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

export const JOB_KINDS = ["redetect", "import"] as const;
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

/** An import's files as the job keeps them until it has run: names and bytes (base64). */
const importPayload = z.object({ files: z.array(z.object({ name: z.string(), bytes: z.string() })) });

/** What each kind of job does. It runs with the rights of whoever asked for it (checked then). */
const HANDLERS: Record<JobKind, (job: Claimed, ctx: AuditContext, report: Progress) => Promise<JsonValue>> = {
  redetect: async (job, ctx, report) => {
    if (!job.investigationId) throw new ExpectedError("invalid_input", "This job names no investigation.");
    return await redetect(ctx, job.investigationId, report);
  },
  // Each file is read and saved on its own (its own transaction), as an upload in the request is.
  import: async (job, ctx, report) => {
    if (!job.investigationId) throw new ExpectedError("invalid_input", "This job names no investigation.");
    const row = await db().job.findUnique({ where: { id: job.id }, select: { payload: true } });
    const payload = importPayload.safeParse(row?.payload);
    if (!payload.success) throw new ExpectedError("invalid_input", "The files of this import are no longer on record.");
    const { files } = payload.data;
    const outcomes: ImportOutcome[] = [];
    for (const [i, file] of files.entries()) {
      report({ phase: "Importing articles", done: i, total: files.length });
      const result = parseArticleFile(file.name, new Uint8Array(Buffer.from(file.bytes, "base64")));
      outcomes.push(...(await importParsedArticles(ctx, job.investigationId, [{ name: file.name, result }])));
    }
    report({ phase: "Importing articles", done: files.length, total: files.length });
    return { outcomes };
  },
};

/** A running job silent this long is taken to be orphaned (its worker stopped) and run again. */
const STALE_AFTER = "2 minutes";
/** How often a running job says it is alive (PostgreSQL), and at most how often its progress is written. */
const HEARTBEAT_MS = 20_000;
const PROGRESS_EVERY_MS = 1_000;
/** A job taken up this many times without finishing (it brings its process down) is given up. */
const MAX_ATTEMPTS = 3;

type Running = { investigationId: string | null; kind: string; createdAt: Date; progress: JobProgress | null };
type Worker = { busy: boolean; timer: NodeJS.Timeout | null; running: Map<string, Running> };
const worker: Worker = ((globalThis as { crosscheckJobs?: Worker }).crosscheckJobs ??= { busy: false, timer: null, running: new Map() });

/**
 * Asks for a job; when one of the same kind is already waiting or running for the investigation,
 * that one is returned instead (asking twice does the work once). Audited.
 */
export async function enqueueJob(
  ctx: AuditContext,
  kind: JobKind,
  investigationId: string,
  work: { payload: Exclude<JsonValue, null>; audited: JsonValue } | null = null,
): Promise<{ id: string; existing: boolean }> {
  const outcome = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`job:${kind}:${investigationId}`}, 0))`;
    const investigation = await tx.investigation.findUnique({ where: { id: investigationId }, select: { id: true } });
    if (!investigation) throw new ExpectedError("not_found", "That investigation no longer exists.");
    // Work of its own (an import's files) is never the same as another's.
    const pending =
      !work &&
      (await tx.job.findFirst({
        where: { investigationId, kind, status: { in: ["queued", "running"] } },
        select: { id: true },
      }));
    if (pending) return { id: pending.id, existing: true };
    const job = await tx.job.create({
      data: { investigationId, kind, createdById: ctx.actorId, ...(work && { payload: jsonColumn(work.payload) }) },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "job.enqueue",
      objectType: "Job",
      objectId: job.id,
      investigationId,
      after: work ? { kind, work: work.audited } : { kind },
    });
    return { id: job.id, existing: false };
  });
  kick();
  return outcome;
}

/**
 * A job of this investigation as its page shows it. One running in this process is answered from
 * memory, without the database: on PGlite the job's own transaction holds the one connection.
 */
export async function jobStatus(investigationId: string, jobId: string): Promise<JobView | null> {
  const here = worker.running.get(jobId);
  if (here) {
    if (here.investigationId !== investigationId) return null;
    return {
      id: jobId,
      kind: here.kind,
      status: "running",
      progress: here.progress,
      result: null,
      error: null,
      createdAt: here.createdAt,
      finishedAt: null,
    };
  }
  const row = await db().job.findFirst({
    where: { id: jobId, investigationId },
    select: { id: true, kind: true, status: true, progress: true, result: true, error: true, createdAt: true, finishedAt: true },
  });
  if (!row) return null;
  const status = JOB_STATUSES.find((s) => s === row.status) ?? "failed";
  return { ...row, status, progress: readJobProgress(row.progress), result: row.result === null ? null : readJobResult(row.result) };
}

/**
 * Takes the oldest job waiting (or orphaned) and runs it to the end. False when there was none.
 * One at a time per process; the worker and tests call it. Each taking-up counts an attempt,
 * and only the attempt that holds the job writes to it (a job taken over from a worker thought
 * dead is finished by its new one). Times are the database's, whatever the instances' clocks say.
 */
export async function runNextJob(): Promise<boolean> {
  await db().$executeRawUnsafe(
    `UPDATE "Job" SET "status" = 'failed', "finishedAt" = now() AT TIME ZONE 'UTC',
      "error" = 'It stopped ${MAX_ATTEMPTS} times without finishing (its server restarted or ran out of memory).'
    WHERE "status" = 'running' AND "attempts" >= ${MAX_ATTEMPTS} AND "heartbeatAt" < now() AT TIME ZONE 'UTC' - interval '${STALE_AFTER}'`,
  );
  const claimed = await db().$queryRawUnsafe<(Claimed & { attempts: number; createdAt: unknown })[]>(
    `UPDATE "Job" SET "status" = 'running', "attempts" = "attempts" + 1, "startedAt" = now() AT TIME ZONE 'UTC',
      "heartbeatAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = (SELECT "id" FROM "Job"
      WHERE "status" = 'queued' OR ("status" = 'running' AND "heartbeatAt" < now() AT TIME ZONE 'UTC' - interval '${STALE_AFTER}')
      ORDER BY "createdAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING "id", "kind", "investigationId", "createdById", "attempts", "createdAt"`,
  );
  const job = claimed[0];
  if (!job) return false;
  const mine = { id: job.id, attempts: job.attempts };
  const ctx: AuditContext = { actorId: job.createdById, requestId: `job:${job.id}` };
  const running: Running = { investigationId: job.investigationId, kind: job.kind, createdAt: sqlDate(job.createdAt)!, progress: null };
  worker.running.set(job.id, running);
  // On PostgreSQL the row says, on its own connection, that the job is alive and how far it got.
  // (On PGlite the job's transaction holds the one connection: the row is written at the end.)
  const writes = getDatabase().engine === "postgres";
  const alive = () =>
    db().$executeRaw`UPDATE "Job" SET "heartbeatAt" = now() AT TIME ZONE 'UTC', "progress" = ${JSON.stringify(running.progress)}::jsonb
        WHERE "id" = ${mine.id} AND "attempts" = ${mine.attempts}`.catch(() => undefined);
  const heartbeat = writes ? setInterval(() => void alive(), HEARTBEAT_MS) : null;
  heartbeat?.unref();
  let written = 0;
  const report: Progress = (p) => {
    running.progress = p;
    if (!writes || Date.now() - written < PROGRESS_EVERY_MS) return;
    written = Date.now();
    void alive(); // not awaited: the work does not wait for its progress to be written
  };
  // Only this attempt's own row: a job taken over by another worker is left to it.
  const finish = (data: Prisma.JobUpdateManyMutationInput) =>
    db().job.updateMany({ where: { id: mine.id, attempts: mine.attempts }, data });
  try {
    const kind = JOB_KINDS.find((k) => k === job.kind);
    const handler = kind && HANDLERS[kind];
    if (!handler) throw new ExpectedError("invalid_input", `No such kind of job: ${job.kind}.`);
    const result = await handler(job, ctx, report);
    await finish({
      status: "done",
      result: result === null ? undefined : jsonColumn(result),
      progress: running.progress ?? undefined,
      // What the work brought (an import's files) is in the investigation now: not kept twice.
      payload: Prisma.DbNull,
      finishedAt: new Date(),
    });
  } catch (error) {
    const message = error instanceof ExpectedError ? error.message : "It stopped on an unexpected error (see the server's log).";
    if (!(error instanceof ExpectedError)) console.error(`[crosscheck] job ${job.id} (${job.kind}) failed`, error);
    await db()
      .$transaction(async (tx) => {
        const { count } = await tx.job.updateMany({
          where: { id: mine.id, attempts: mine.attempts },
          data: { status: "failed", error: message, finishedAt: new Date() },
        });
        // Gone with its investigation, or taken over: nothing of ours to record.
        if (!count) return;
        await audit(tx, ctx, {
          action: "job.fail",
          objectType: "Job",
          objectId: job.id,
          investigationId: job.investigationId,
          after: { error: message },
        });
      })
      .catch((failure: unknown) => console.error(`[crosscheck] job ${job.id}: its failure could not be recorded`, failure));
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    worker.running.delete(job.id);
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
