import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { signIn } from "@/lib/features/session/actions.ts";
import { actionRegistry } from "@/lib/web/action.ts";
import { installPeerAddressStamp, requestClientAddress, stampPeerAddress } from "@/lib/server/client-address.ts";
import { db } from "@/lib/server/database.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

// The sign-in action reads the request's headers: each test says what they are.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => {
    throw new Error("`cookies` was called outside a request scope.");
  },
}));

afterEach(() => {
  vi.useRealTimers();
  delete process.env.CROSSCHECK_TRUSTED_PROXIES;
});

let nextAddress = 1;
/** A fresh client address for each caller, so tests do not share counters. */
const newAddress = () => `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

/** Headers of a request whose socket's peer is `peer`, as the stamping server passes them on. */
function fromPeer(peer: string, extra: Record<string, string> = {}): Headers {
  const headers: IncomingHttpHeaders = { ...extra };
  stampPeerAddress(headers, peer);
  return new Headers(headers as Record<string, string>);
}

/** One submission of the sign-in form: "signed-in" (it redirects) or the error code. */
async function attempt(email: string, password: string, headers: Headers): Promise<string> {
  request.headers = headers;
  try {
    const result = await actionRegistry.get(signIn)!.run(null, { email, password });
    return result.ok ? "ok without redirect" : result.code;
  } catch (error) {
    if (String((error as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) return "signed-in";
    throw error;
  }
}

/** Moves the clock (Date only: timers and the database run as usual). */
function clock() {
  let now = Date.now();
  vi.useFakeTimers({ toFake: ["Date"], now });
  return (seconds: number) => vi.setSystemTime((now += seconds * 1000));
}

describe(`the sign-in form's limits on ${testEngine}`, () => {
  test("a new X-Forwarded-For per attempt buys no fresh tries: the socket's address counts", async () => {
    const user = await makeUser("analyst");
    const peer = newAddress();
    const spoofed = () => fromPeer(peer, { "x-forwarded-for": newAddress() });
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, `guess ${i}`, spoofed())).toBe("unauthenticated");
    // Even the right password waits: the guesser learns nothing from it.
    expect(await attempt(user.email, user.password, spoofed())).toBe("rate_limited");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("behind a trusted proxy each client counts apart, by the address the proxy appended", async () => {
    process.env.CROSSCHECK_TRUSTED_PROXIES = "10.0.0.0/8";
    const user = await makeUser("analyst");
    const [guesser, colleague] = [newAddress(), newAddress()];
    const via = (client: string) => fromPeer("10.1.2.3", { "x-forwarded-for": `6.6.6.6, ${client}` });
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, `guess ${i}`, via(guesser))).toBe("unauthenticated");
    expect(await attempt(user.email, user.password, via(guesser))).toBe("rate_limited");
    expect(await attempt(user.email, user.password, via(colleague))).toBe("signed-in");
    const session = await db().session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.ipAddress).toBe(colleague);
  });

  test("the server stamps every request with its socket's address, over forged headers", async () => {
    installPeerAddressStamp();
    const server = http.createServer((req, res) =>
      res.end(String(requestClientAddress(new Headers(req.headers as Record<string, string>)))),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "x-forwarded-for": "6.6.6.6", "x-crosscheck-peer": "forged 6.6.6.7" },
      });
      expect(await response.text()).toBe("127.0.0.1");
    } finally {
      server.close();
    }
    // Outside such a server, a forged stamp gives no address at all.
    expect(requestClientAddress(new Headers({ "x-crosscheck-peer": "forged 6.6.6.7", "x-forwarded-for": "6.6.6.6" }))).toBeNull();
  });

  test("thirty failures with random emails from one address hold back nobody else", async () => {
    const user = await makeUser("reviewer");
    const attacker = newAddress();
    for (let i = 0; i < 30; i++) await attempt(`nobody-${i}-${Math.random()}@example.test`, "a wrong password", fromPeer(attacker));
    expect(await attempt(user.email, user.password, fromPeer(newAddress()))).toBe("signed-in");
  });

  test("guessing an admin's password from many addresses slows its owner by a minute at most", async () => {
    const admin = await makeUser("admin");
    const advance = clock();
    const outcomes: string[] = [];
    // A botnet: a new address for every guess, each as soon as the account's back-off allows.
    for (let i = 0; i < 40; i++) {
      outcomes.push(await attempt(admin.email, `guess ${i}`, fromPeer(newAddress())));
      advance(61);
    }
    expect(outcomes.every((o) => o === "unauthenticated")).toBe(true);
    // Straight after a guess, the owner (from the office) is asked to wait, at most a minute…
    await attempt(admin.email, "one more guess", fromPeer(newAddress()));
    advance(1);
    request.headers = fromPeer(newAddress());
    const refused = await actionRegistry.get(signIn)!.run(null, { email: admin.email, password: admin.password });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    const seconds = Number(/in (\d+) seconds/.exec((refused as { message: string }).message)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    // …and then gets in.
    advance(seconds);
    expect(await attempt(admin.email, admin.password, fromPeer(newAddress()))).toBe("signed-in");
  });

  test("a burst of guesses gets no faster: the tries counted in advance hold back the parallel ones", async () => {
    const user = await makeUser("analyst");
    const peer = newAddress();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(user.email, `guess ${i}`, fromPeer(peer))));
    // Three free failures and one more before the first wait; every other guess is refused unchecked.
    expect(outcomes.filter((o) => o === "unauthenticated")).toHaveLength(4);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(16);
  });

  test("signing in clears the pair's failures", async () => {
    const user = await makeUser("analyst");
    const peer = newAddress();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++) expect(await attempt(user.email, "typo typo", fromPeer(peer))).toBe("unauthenticated");
      expect(await attempt(user.email, user.password, fromPeer(peer))).toBe("signed-in");
    }
  });

  test("without a peer address only the account's limit applies", async () => {
    const user = await makeUser("analyst");
    for (let i = 0; i < 10; i++)
      expect(await attempt(user.email, `guess ${i}`, new Headers({ "x-forwarded-for": newAddress() }))).toBe("unauthenticated");
    expect(await attempt(user.email, "guess 11", new Headers())).toBe("unauthenticated");
    expect(await attempt(user.email, user.password, new Headers())).toBe("rate_limited");
  });
});
