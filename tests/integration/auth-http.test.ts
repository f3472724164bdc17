import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { toNextJsHandler } from "better-auth/next-js";
import { describe, expect, test } from "vitest";
import { getAuth } from "@/lib/server/auth.ts";
import { db } from "@/lib/server/database.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

/**
 * better-auth's handler, as a route serving it would call it. Crosscheck has no such route; these
 * tests make sure that adding one would still expose nothing.
 */
const ORIGIN = "http://localhost:3000";
const handler = () => toNextJsHandler(getAuth());
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  handler().POST(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    }),
  );

let nextAddress = 1;
const newAddress = () => `203.0.113.${nextAddress++ % 250}`;

describe(`better-auth over HTTP on ${testEngine}`, () => {
  test("its sign-in endpoint answers 404 to every guess and to the right password, whatever X-Forwarded-For says", async () => {
    const user = await makeUser("admin");
    for (let i = 0; i < 40; i++) {
      const response = await postJson("/sign-in/email", { email: user.email, password: `guess ${i}` }, { "x-forwarded-for": newAddress() });
      expect(response.status).toBe(404);
    }
    const right = await postJson("/sign-in/email", { email: user.email, password: user.password }, { "x-forwarded-for": newAddress() });
    expect(right.status).toBe(404);
    expect(right.headers.get("set-cookie")).toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("update-user is closed: a user cannot rename themselves or set a javascript: image", async () => {
    const user = await makeUser("analyst");
    const signedIn = await getAuth().api.signInEmail({ body: { email: user.email, password: user.password }, asResponse: true });
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const response = await postJson("/update-user", { name: "Test admin".padEnd(100_000, "!"), image: "javascript:alert(1)" }, { cookie });
    expect(response.status).toBe(404);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ name: user.name, image: null, version: user.version });
  });

  test("every one of its endpoints answers 404", async () => {
    const user = await makeUser("analyst");
    const signedIn = await getAuth().api.signInEmail({ body: { email: user.email, password: user.password }, asResponse: true });
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const endpoints = Object.values(getAuth().api as Record<string, { path?: string; options?: { method?: string | string[] } }>).filter(
      (e) => typeof e.path === "string",
    );
    expect(endpoints.map((e) => e.path)).toEqual(
      expect.arrayContaining(["/sign-in/email", "/update-user", "/change-email", "/delete-user", "/list-sessions"]),
    );
    const open: string[] = [];
    for (const endpoint of endpoints) {
      const methods = [endpoint.options?.method ?? "GET"].flat().filter((m) => m !== "*");
      for (const method of methods.length ? methods : ["GET", "POST"]) {
        const path = endpoint.path!.replace(/:\w+/g, "x");
        const response = await handler()[method === "GET" ? "GET" : "POST"](
          new Request(`${ORIGIN}/api/auth${path}`, {
            method,
            headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
            ...(method === "GET" ? {} : { body: "{}" }),
          }),
        );
        if (response.status !== 404) open.push(`${method} ${path}: ${response.status}`);
      }
    }
    expect(open).toEqual([]);
  });

  test("no route of the app serves better-auth's handler", async () => {
    // (Node 20's recursive readdir skips folders such as "[...all]": walk by hand.)
    const walk = async (dir: string): Promise<string[]> =>
      (
        await Promise.all(
          (await readdir(dir, { withFileTypes: true })).map((e) =>
            e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
          ),
        )
      ).flat();
    const routes = (await walk("app")).filter((f) => /(^|\/)route\.(ts|tsx|js)$/.test(f));
    expect(routes.length).toBeGreaterThan(0);
    for (const file of routes) {
      const source = await readFile(file, "utf8");
      expect(source, file).not.toMatch(/toNextJsHandler|\.handler\(|better-auth\/next-js/);
    }
  });
});
