import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findMemberInvestigation, type MemberInvestigation } from "@/lib/server/memberships.ts";
import { type Actor, currentActor, requireActor } from "@/lib/web/session.ts";

/**
 * The investigation of this address as the signed-in person sees it: null when there is no such
 * investigation *or* they are not a member of it (metadata asks too, so a title never leaks).
 * Read once per request, however many parts ask.
 */
export const investigationBySlug = cache(async (slug: string): Promise<MemberInvestigation | null> => {
  const actor = await currentActor();
  return actor ? findMemberInvestigation(slug, actor.id) : null;
});

/**
 * For pages under an investigation: the signed-in actor (or a redirect to sign-in, back to
 * `path`), the investigation and the actor's role in it (or a 404, for non-members too).
 */
export async function investigationPage(slug: string, path: string): Promise<{ actor: Actor; investigation: MemberInvestigation }> {
  const actor = await requireActor(path);
  const investigation = await investigationBySlug(slug);
  if (!investigation) notFound();
  return { actor, investigation };
}
