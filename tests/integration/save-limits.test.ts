import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { db } from "@/lib/server/database.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { saveTransaction } from "@/lib/server/transaction.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

describe(`a save past its time limit, on ${testEngine}`, () => {
  test("is stopped with a plain message, writes nothing, and leaves an audited trace", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: `Slow ${Math.random()}` });
    const failure = await saveTransaction(
      analyst.ctx,
      { label: "claim", objectType: "Claim", investigationId: inv.id },
      async (tx) => {
        await tx.entity.create({ data: { investigationId: inv.id, name: "Written too late", kind: "other" } });
        await sleep(400); // longer than the limit below: the transaction expires meanwhile
        await tx.entity.create({ data: { investigationId: inv.id, name: "Never written", kind: "other" } });
      },
      { timeout: 100, maxWait: 5_000 },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ExpectedError);
    expect(failure).toMatchObject({ code: "busy", message: expect.stringMatching(/took too long .* nothing was saved/) });
    expect(await db().entity.count({ where: { investigationId: inv.id } })).toBe(0);
    const trace = await db().auditEvent.findMany({ where: { investigationId: inv.id, action: "save.timeout" } });
    expect(trace).toHaveLength(1);
    expect(trace[0]).toMatchObject({ actorId: analyst.id, objectType: "Claim", after: { label: "claim", limitMs: 100 } });
  });

  test("other failures pass through unchanged", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: `Failing ${Math.random()}` });
    await expect(
      saveTransaction(analyst.ctx, { label: "claim", objectType: "Claim", investigationId: inv.id }, async () => {
        throw new ExpectedError("invalid_input", "Bad value.");
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
