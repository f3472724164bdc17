import { expect, test } from "vitest";
import { useTestDatabase } from "@/tests/support/database.ts";
const database = useTestDatabase();
test("prisma works", async () => {
  const u = await database().prisma.user.create({ data: { email: "a@b.c", name: "A" } });
  expect(u.role).toBe("analyst");
  await expect(database().prisma.auditEvent.count()).resolves.toBe(0);
});
