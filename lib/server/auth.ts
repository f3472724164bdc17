import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/inputs.ts";
import { type Database, getDatabase } from "@/lib/server/database.ts";

function createAuth(database: Database) {
  const prisma = database.prisma;
  return betterAuth({
    appName: "Crosscheck",
    baseURL: process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
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
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
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
    plugins: [nextCookies()], // must stay last: it sets cookies from server actions
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
