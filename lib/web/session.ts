import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { hasRole, type MemberRole, type Role } from "@/lib/domain/roles.ts";
import { sessionAccount } from "@/lib/server/auth.ts";

export type Actor = { id: string; email: string; name: string; role: Role };

/** The signed-in, enabled user of this request, or null. Read once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const user = await sessionAccount(await headers());
  return user && !user.disabled ? actorOf(user) : null;
});

const actorOf = (user: { id: string; email: string; name: string; role: Role }): Actor => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});

/** A role read with the session: null when not a member; absent when it could not be read that way. */
export type KnownRole = { investigationId: string; role: MemberRole | null };

/**
 * For an action on an investigation: the signed-in user and, read in the same query when it can
 * be, their role in that investigation (see `sessionAccount`).
 */
export async function actorIn(investigationId: string): Promise<{ actor: Actor | null; known?: KnownRole }> {
  const user = await sessionAccount(await headers(), investigationId);
  if (!user || user.disabled) return { actor: null };
  const actor = actorOf(user);
  return user.memberRole === undefined ? { actor } : { actor, known: { investigationId, role: user.memberRole } };
}

/** For pages: the actor, or a redirect to sign-in (and back here afterwards). */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}

export function actorCan(actor: Actor, role: Role): boolean {
  return hasRole(actor.role, role);
}
