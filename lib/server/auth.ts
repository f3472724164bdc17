import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BetterAuthPlugin, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { publicAddress } from "@/lib/domain/deployment.ts";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/inputs.ts";
import { type Database, getDatabase } from "@/lib/server/database.ts";

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
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
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
