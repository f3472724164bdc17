import { describe, expect, test } from "vitest";
import { ACTION_POLICY, type ActionName } from "@/lib/domain/permissions.ts";
import { hasRole, ROLES } from "@/lib/domain/roles.ts";
import { actionRegistry } from "@/lib/web/action.ts";
import { setupTestDatabase } from "@/tests/support/database.ts";

setupTestDatabase();

// Every "use server" file of the app: each of its exports is a public endpoint.
const modules = import.meta.glob<Record<string, unknown>>("/lib/features/*/actions.ts", { eager: true });
const exported = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod).map(([exportName, value]) => ({ file, exportName, value })),
);

describe("server actions", () => {
  test('every export of a "use server" file is an action built with defineAction', () => {
    expect(exported.length).toBeGreaterThan(0);
    const unregistered = exported.filter((e) => !actionRegistry.has(e.value)).map((e) => `${e.file}: ${e.exportName}`);
    expect(unregistered).toEqual([]);
  });

  test("the policy table has a row for every action and no row without one", () => {
    const used = new Set(exported.map((e) => actionRegistry.get(e.value)!.name));
    expect([...used].sort()).toEqual(Object.keys(ACTION_POLICY).sort());
  });

  const cases = exported.flatMap(({ exportName, value }) => {
    const { name, run } = actionRegistry.get(value)!;
    return [...ROLES, null].map((role) => ({ exportName, name, run, role }));
  });

  test.each(cases)("$name ($exportName) called as $role", async ({ name, run, role }) => {
    const needed = ACTION_POLICY[name as ActionName];
    const actor = role && { id: `matrix-${role}`, email: `${role}@example.test`, name: role, role };
    // Input that no schema accepts: an allowed caller gets past the role check to validation.
    const result = await run(actor, { __matrix: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (needed === "public") {
      expect(result.code).not.toBe("forbidden");
    } else if (!role) {
      expect(result.code).toBe("unauthenticated");
    } else if (hasRole(role, needed)) {
      expect(result.code).toBe("invalid_input");
    } else {
      expect(result.code).toBe("forbidden");
    }
  });
});
