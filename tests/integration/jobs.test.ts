import { describe, expect, test } from "vitest";
import { parseArticleText } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { createClaim } from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { redetect } from "@/lib/server/detection.ts";
import { createEntity } from "@/lib/server/entities.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { enqueueJob, jobStatus, runNextJob } from "@/lib/server/jobs.ts";
import { actionNamed, actorOf } from "@/tests/support/actions.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

const BODY = "Anthropic, valued at $18.4 billion, continues to grow. Others put it at $183 billion.";

async function story() {
  const reviewer = await makeUser("reviewer");
  const inv = await createInvestigation(reviewer.ctx, { title: `Jobs ${Math.random()}` });
  const [outcome] = await importParsedArticles(reviewer.ctx, inv.id, [
    { name: "a.txt", result: parseArticleText("a.txt", `Title: Valuation\nPublished: 2026-02-26\n\n${BODY}`) },
  ]);
  if (outcome?.status !== "imported") throw new Error("import failed");
  const anthropic = await createEntity(reviewer.ctx, inv.id, { name: "Anthropic", kind: "organization" });
  for (const v of ["$18.4 billion", "$183 billion"]) {
    await createClaim(reviewer.ctx, {
      investigationId: inv.id,
      articleId: outcome.articleId,
      start: BODY.indexOf(v),
      end: BODY.indexOf(v) + v.length,
      subjectId: anthropic.id,
      newSubjectName: "",
      newSubjectKind: "other",
      subjectText: "Anthropic",
      attribute: "Valuation",
      valueKind: "money",
      valueText: v,
      asOf: "",
      note: "",
    });
  }
  return { reviewer, inv };
}

/** Runs every waiting job (other tests' too), as the server's worker would. */
async function drain() {
  while (await runNextJob());
}

describe(`jobs on ${testEngine}`, () => {
  test("re-detection asked for twice runs once, off the request, and its outcome and progress are kept", async () => {
    const { reviewer, inv } = await story();
    const first = await enqueueJob(reviewer.ctx, "redetect", inv.id);
    const again = await enqueueJob(reviewer.ctx, "redetect", inv.id);
    expect(first.existing).toBe(false);
    expect(again).toEqual({ id: first.id, existing: true });
    expect(await jobStatus(inv.id, first.id)).toMatchObject({ status: "queued", result: null });

    await drain();
    const done = await jobStatus(inv.id, first.id);
    expect(done).toMatchObject({ status: "done", error: null, result: { opened: 0, updated: 0, reopened: 0, closed: 0 } });
    expect(done?.progress?.phase).toEqual(expect.any(String));
    expect(done?.finishedAt).toBeInstanceOf(Date);
    // Asked for by the reviewer, on the record.
    const events = await db().auditEvent.findMany({
      where: { objectType: "Job", objectId: first.id },
      select: { action: true, actorId: true },
    });
    expect(events).toEqual([{ action: "job.enqueue", actorId: reviewer.ctx.actorId }]);
    // Finished: asking again starts a new job.
    expect((await enqueueJob(reviewer.ctx, "redetect", inv.id)).existing).toBe(false);
    await drain();
  });

  test("a job is seen only from its own investigation", async () => {
    const { reviewer, inv } = await story();
    const other = await createInvestigation(reviewer.ctx, { title: `Other ${Math.random()}` });
    const { id } = await enqueueJob(reviewer.ctx, "redetect", inv.id);
    expect(await jobStatus(other.id, id)).toBeNull();
    await drain();
  });

  test("a job that fails says why and is audited; one whose worker died is taken up again", async () => {
    const { inv } = await story();
    const broken = await db().job.create({ data: { investigationId: inv.id, kind: "no-such-work" } });
    const orphan = await db().job.create({
      data: { investigationId: inv.id, kind: "redetect", status: "running", heartbeatAt: new Date(Date.now() - 10 * 60_000) },
    });
    const doomed = await db().job.create({
      data: { investigationId: inv.id, kind: "redetect", status: "running", attempts: 3, heartbeatAt: new Date(Date.now() - 10 * 60_000) },
    });
    const busy = await db().job.create({
      data: { investigationId: inv.id, kind: "redetect", status: "running", heartbeatAt: new Date() },
    });
    await drain();
    expect(await jobStatus(inv.id, broken.id)).toMatchObject({ status: "failed", error: "No such kind of job: no-such-work." });
    expect(await db().auditEvent.count({ where: { objectType: "Job", objectId: broken.id, action: "job.fail" } })).toBe(1);
    expect(await jobStatus(inv.id, orphan.id)).toMatchObject({ status: "done" });
    expect((await db().job.findUniqueOrThrow({ where: { id: orphan.id } })).attempts).toBe(1);
    // Taken up three times without finishing (it brings its server down): given up, not run again.
    expect(await jobStatus(inv.id, doomed.id)).toMatchObject({ status: "failed", error: expect.stringMatching(/stopped 3 times/) });
    // Running elsewhere and heard from: left to its worker.
    expect(await jobStatus(inv.id, busy.id)).toMatchObject({ status: "running" });
    await db().job.delete({ where: { id: busy.id } });
  });

  test("an upload of over a megabyte is imported as a job: answered at once, each file's fate kept, its bytes let go", async () => {
    const { reviewer, inv } = await story();
    const paragraph = "The river rose through the night and the authorities counted the damage in the morning. ";
    const long = `Title: A long report\nPublished: 2026-03-02\n\n${paragraph.repeat(Math.ceil(1_100_000 / paragraph.length))}`;
    const files = [
      new File([long], "long.txt", { type: "text/plain" }),
      new File([`Title: Valuation\nPublished: 2026-02-26\n\n${BODY}`], "again.txt", { type: "text/plain" }),
      new File([new Uint8Array([0, 159, 146, 150, 0, 1])], "binary.txt", { type: "text/plain" }),
    ];
    const answer = await actionNamed("article.import").run(actorOf(reviewer), { investigationId: inv.id, files });
    expect(answer).toMatchObject({ ok: true, outcomes: [] });
    const jobId = (answer as { jobId: string }).jobId;
    expect(await jobStatus(inv.id, jobId)).toMatchObject({ kind: "import", status: "queued" });
    // Nothing imported yet: the request did not wait for the work.
    expect(await db().article.count({ where: { investigationId: inv.id } })).toBe(1);

    await drain();
    const done = await jobStatus(inv.id, jobId);
    expect(done).toMatchObject({ status: "done", progress: { phase: "Importing articles", done: 3, total: 3 } });
    const outcomes = (done?.result as { outcomes: { name: string; status: string }[] }).outcomes;
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ["long.txt", "imported"],
      ["again.txt", "duplicate"],
      ["binary.txt", "failed"],
    ]);
    const article = await db().article.findFirstOrThrow({ where: { investigationId: inv.id, title: "A long report" } });
    expect(article.body.length).toBeGreaterThan(1_000_000);
    // Recorded as the person who uploaded it, and the job's copy of the files is gone.
    const imported = await db().auditEvent.findFirstOrThrow({
      where: { objectType: "Article", objectId: article.id, action: "article.import" },
    });
    expect(imported.actorId).toBe(reviewer.id);
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).payload).toBeNull();
    const asked = await db().auditEvent.findFirstOrThrow({ where: { objectType: "Job", objectId: jobId, action: "job.enqueue" } });
    expect(asked.after).toMatchObject({
      kind: "import",
      work: { files: [{ name: "long.txt" }, { name: "again.txt" }, { name: "binary.txt" }] },
    });
  });

  test("re-detection says what it is doing as it goes", async () => {
    const { reviewer, inv } = await story();
    const seen: { phase: string; done: number; total: number | null }[] = [];
    await redetect(reviewer.ctx, inv.id, (p) => seen.push(p));
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases[0]).toBe("Reading claims");
    expect(phases).toContain("Checking figures and names");
    for (const p of seen) if (p.total !== null) expect(p.done).toBeLessThanOrEqual(p.total);
  });
});
