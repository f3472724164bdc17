import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/domain/roles.ts";
import type { AuditContext } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { createUser } from "@/lib/server/users.ts";

export const SYSTEM: AuditContext = { actorId: null, requestId: "test-system" };

/** A real account in the test database, and an audit context acting as it. */
export async function makeUser(role: Role, password = "correct horse battery") {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const { id } = await createUser(SYSTEM, { email, name: `Test ${role}`, role, password });
  const user = await db().user.findUniqueOrThrow({ where: { id } });
  return { ...user, password, ctx: { actorId: id, requestId: `req-${randomUUID()}` } satisfies AuditContext };
}
