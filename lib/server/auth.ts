import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BetterAuthPlugin, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { parseCookies } from "better-auth/cookies";
import { nextCookies } from "better-auth/next-js";
import { publicAddress } from "@/lib/domain/deployment.ts";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/inputs.ts";
import type { MemberRole, Role } from "@/lib/domain/roles.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { type Database, getDatabase } from "@/lib/server/database.ts";
import { memberRoleSql } from "@/lib/server/memberships.ts";

/** The client's address as the sign-in worked it out, for the session's record (not X-Forwarded-For, which anyone can write). */
export const CLIENT_ADDRESS_HEADER = "x-crosscheck-client-address";

/**
 * better-auth serves a whole account API over HTTP (sign-in, sign-up, update-user, change-email,
 * delete-user, list-sessions, password reset …). Crosscheck uses none of it from the browser: it
 * calls better-auth on the server (lib/server/sign-in.ts, session.ts, users.ts), where the
 * limits, roles and audit trail apply. So no route serves its handler, and should one ever be
 * added, every request to it is answered 404 here, before any endpoint runs.
 */
const noHttpEndpoints = {
  id: "crosscheck-no-http-endpoints",
  onRequest: async () => ({ response: new Response("Not Found", { status: 404 }) }),
} satisfies BetterAuthPlugin;

/** A session lasts a week from its last renewal, renewed at most once a day (seconds). */
const SESSION_AGES = { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 };

function createAuth(database: Database) {
  const prisma = database.prisma;
  return betterAuth({
    appName: "Crosscheck",
    baseURL: publicAddress(process.env),
    secret: authSecret(),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Admins create accounts (admin page, `crosscheck create-user`).
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      ...SESSION_AGES,
      // Every request reads the session row, so revoking one (or disabling a user) is immediate.
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "analyst" },
        disabled: { type: "boolean", input: false, defaultValue: false },
      },
    },
    // Its limiter guards only its HTTP endpoints, which are closed; sign-in has its own limits.
    rateLimit: { enabled: false },
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    databaseHooks: {
      session: {
        create: {
          // A disabled account gets no new session, whichever way it signs in.
          before: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            return user && !user.disabled ? { data: session } : false;
          },
        },
      },
    },
    plugins: [noHttpEndpoints, nextCookies()], // nextCookies must stay last: it sets cookies from server actions
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = new WeakMap<Database, Auth>();

/** better-auth bound to the process's database (tests install their own database). */
export function getAuth(): Auth {
  const database = getDatabase();
  let auth = cache.get(database);
  if (!auth) {
    auth = createAuth(database);
    cache.set(database, auth);
  }
  return auth;
}

export type SessionAccount = { id: string; email: string; name: string; role: Role; disabled: boolean };

/**
 * The account a request's session cookie belongs to, or null. Every page and action asks, so the
 * everyday case (a correctly signed cookie naming a live session that needs no renewal) is
 * answered here: the cookie's signature checked with a synchronous HMAC and one query for the
 * session and its user, where better-auth's `getSession` takes two queries and a WebCrypto
 * verification (most of a save's own cost in the HTTP bench). Every other case (renewal due,
 * expired or unknown session, a "don't remember me" or cached-session cookie) goes through
 * better-auth itself, which renews or clears the cookies; so the answers are the same.
 *
 * Given an investigation, the same query also reads the account's role in it (`memberRole`:
 * null when not a member), which every action on an investigation checks first: one round trip
 * instead of two. Only the everyday case answers it; otherwise `memberRole` is left out.
 */
export async function sessionAccount(
  headers: Headers,
  investigationId?: string,
): Promise<(SessionAccount & { memberRole?: MemberRole | null }) | null> {
  const auth = getAuth();
  const { cookies, secret } = await auth.$context.then((context) => ({ cookies: context.authCookies, secret: context.secret }));
  const header = headers.get("cookie");
  if (!header) return null;
  const jar = parseCookies(header);
  const signed = jar.get(cookies.sessionToken.name);
  if (!signed) return null;
  const token = verifiedCookieValue(signed, secret);
  if (token === null) return null; // unsigned or tampered: better-auth answers no session too
  if (!jar.has(cookies.dontRememberToken.name) && !jar.has(cookies.sessionData.name)) {
    // An id holding a NUL is no investigation's (PostgreSQL text holds none) and is not sent: the
    // action refuses the field by name, as it did before the role was read here.
    const role =
      investigationId === undefined
        ? Prisma.empty
        : investigationId.includes("\0")
          ? Prisma.sql`, NULL::text AS "memberRole"`
          : Prisma.sql`, ${memberRoleSql(investigationId, Prisma.sql`u."id"`)} AS "memberRole"`;
    const [row] = await getDatabase().prisma.$queryRaw<(SessionAccount & { expiresAt: Date; memberRole?: MemberRole | null })[]>`
      SELECT u."id", u."email", u."name", u."role"::text AS "role", u."disabled", s."expiresAt"${role}
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."token" = ${token}`;
    const now = Date.now();
    const renewFrom = row ? row.expiresAt.getTime() - (SESSION_AGES.expiresIn - SESSION_AGES.updateAge) * 1000 : 0;
    if (row && row.expiresAt.getTime() > now && renewFrom > now) {
      const account = { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled };
      return investigationId === undefined ? account : { ...account, memberRole: row.memberRole ?? null };
    }
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role: Role; disabled: boolean };
  return { id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabled };
}

/** The value of a cookie signed as better-auth signs it (`value.base64(HMAC-SHA256)`), or null. */
function verifiedCookieValue(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf(".");
  if (dot < 1) return null;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(value).digest("base64"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

/**
 * BETTER_AUTH_SECRET when set (required when several instances share a database); otherwise a
 * random secret kept beside the embedded database so sessions survive restarts.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.resolve(/* turbopackIgnore: true */ process.env.CROSSCHECK_SECRET_FILE ?? ".data/auth-secret");
  if (existsSync(/* turbopackIgnore: true */ file)) return readFileSync(/* turbopackIgnore: true */ file, "utf8").trim();
  mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(/* turbopackIgnore: true */ file, secret, { mode: 0o600 });
  return secret;
}
