import { describe, expect, test } from "vitest";
import { db } from "@/lib/server/database.ts";
import { createInvestigationInput } from "@/lib/domain/inputs.ts";
import { executeAction, formDataToObject } from "@/lib/web/action.ts";
import { type Actor } from "@/lib/web/session.ts";
import { actionNamed, registeredActions as actions } from "@/tests/support/actions.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

// Every "use server" file of the app: each of its exports is a public endpoint.
const action = actionNamed;

async function asActor(role: "analyst" | "admin"): Promise<Actor> {
  const user = await makeUser(role);
  return { id: user.id, email: user.email, name: user.name, role };
}

describe("form fields with the names of an object's own workings", () => {
  test("a field named __proto__ is a field, not the prototype of what the action reads", async () => {
    const form = new FormData();
    form.append("title", "Port strike");
    form.append("__proto__", "a");
    form.append("__proto__", "b");
    const read = formDataToObject(form);
    expect(Object.getPrototypeOf(read)).toBeNull();
    expect(Object.keys(read).sort()).toEqual(["__proto__", "title"]);
    expect(read.length).toBeUndefined();
    // And an action reads its own fields from it as ever.
    const analyst = await asActor("analyst");
    const parsed = await executeAction("investigation.create", createInvestigationInput, async (input) => ({ input }), analyst, form);
    expect(parsed).toMatchObject({ ok: true, input: { title: "Port strike" } });
  });
});

describe("text with a NUL character", () => {
  test("a story title with a NUL is refused with an error on that field, and nothing is saved", async () => {
    const analyst = await asActor("analyst");
    const before = await db().investigation.count();
    const result = await action("investigation.create").run(analyst, { title: "Pentagon\u0000 contracts", description: "" });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { title: [expect.stringMatching(/NUL/)] } });
    expect(await db().investigation.count()).toBe(before);
  });

  test("a pasted article whose text or address holds a NUL is refused by field, not failed", async () => {
    const story = await makeStory(["Anthropic was valued at $183 billion."]);
    const analyst = { id: story.analyst.id, email: story.analyst.email, name: story.analyst.name, role: "analyst" as const };
    const before = await db().article.count({ where: { investigationId: story.inv.id } });
    const result = await action("article.paste").run(analyst, {
      investigationId: story.inv.id,
      title: "A title",
      url: "https://example.org/a\u0000b",
      text: "Some words\u0000 of an article.",
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["text", "url"]);
    expect(await db().article.count({ where: { investigationId: story.inv.id } })).toBe(before);
  });

  test("no action fails on a NUL: each answers with a field error", async () => {
    const admin = await asActor("admin");
    for (const { name, run } of actions) {
      const result = await run(admin, { investigationId: "x\u0000", text: "a\u0000b", nested: { list: ["ok", "b\u0000"] } });
      expect(result, name).toMatchObject({ ok: false, code: "invalid_input" });
      expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort(), name).toEqual(["investigationId", "nested", "text"]);
    }
  });
});
