import { describe, expect, test } from "vitest";
import { GET } from "@/app/api/health/route.ts";
import { installDatabase } from "@/lib/server/database.ts";
import { createTestDatabase, setupTestDatabase, testEngine } from "@/tests/support/database.ts";

const current = setupTestDatabase();

describe(`the health check on ${testEngine}`, () => {
  test("answers 200 while the database answers, 503 once it does not", async () => {
    const up = await GET();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ok: true });

    const gone = await createTestDatabase({ migrate: false });
    await gone.drop();
    installDatabase(gone.database);
    try {
      const down = await GET();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false });
    } finally {
      installDatabase(current());
    }
  });
});
