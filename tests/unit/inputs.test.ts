import { describe, expect, test } from "vitest";
import {
  createInvestigationInput,
  createUserInput,
  pasteArticleInput,
  setUserDisabledInput,
  uploadArticlesInput,
} from "@/lib/domain/inputs.ts";

describe("input schemas", () => {
  test("emails are trimmed and lower-cased; a bad one says what is expected", () => {
    const ok = createUserInput.parse({ email: "  Ada@Example.COM ", name: "Ada", role: "admin", password: "0123456789" });
    expect(ok.email).toBe("ada@example.com");
    const bad = createUserInput.safeParse({ email: "ada@", name: "Ada", role: "admin", password: "0123456789" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/email address/);
  });

  test("passwords must be 10 to 128 characters", () => {
    const base = { email: "a@b.co", name: "A", role: "analyst" };
    expect(createUserInput.safeParse({ ...base, password: "123456789" }).success).toBe(false);
    expect(createUserInput.safeParse({ ...base, password: "x".repeat(129) }).success).toBe(false);
    expect(createUserInput.safeParse({ ...base, password: "x".repeat(128) }).success).toBe(true);
  });

  test("unknown roles are refused", () => {
    expect(createUserInput.safeParse({ email: "a@b.co", name: "A", role: "owner", password: "0123456789" }).success).toBe(false);
  });

  test("an investigation's short name is optional but must be a clean slug when given", () => {
    expect(createInvestigationInput.parse({ title: "Story", slug: "" }).slug).toBe("");
    expect(createInvestigationInput.safeParse({ title: "Story", slug: "Has Spaces" }).success).toBe(false);
    expect(createInvestigationInput.safeParse({ title: "Story", slug: "double--hyphen" }).success).toBe(false);
    expect(createInvestigationInput.safeParse({ title: "ab" }).success).toBe(false);
  });

  test("pasted text must not be blank, and the URL must be a web address", () => {
    expect(pasteArticleInput.safeParse({ investigationId: "i", text: "   " }).success).toBe(false);
    expect(pasteArticleInput.safeParse({ investigationId: "i", text: "x", url: "ftp://x.org/a" }).success).toBe(false);
    expect(pasteArticleInput.safeParse({ investigationId: "i", text: "x", url: "https://x.org/a" }).success).toBe(true);
  });

  test("the disable switch reads form values", () => {
    expect(setUserDisabledInput.parse({ id: "u", version: "3", disabled: "true" })).toEqual({ id: "u", version: 3, disabled: true });
    expect(setUserDisabledInput.parse({ id: "u", version: 3, disabled: "false" }).disabled).toBe(false);
    expect(setUserDisabledInput.safeParse({ id: "u", version: 0, disabled: true }).success).toBe(false);
  });
});

describe("uploads", () => {
  const file = (name: string) => new File(["text"], name, { type: "text/plain" });
  test("one file or several are both accepted; none is refused with a message", () => {
    expect(uploadArticlesInput.parse({ investigationId: "i", files: file("a.txt") }).files).toHaveLength(1);
    expect(uploadArticlesInput.parse({ investigationId: "i", files: [file("a.txt"), file("b.md")] }).files).toHaveLength(2);
    const none = uploadArticlesInput.safeParse({ investigationId: "i" });
    expect(none.error?.issues[0]?.message).toBe("Choose one or more .txt or .md files.");
  });
});
