import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findInvestigation, type InvestigationRef } from "@/lib/server/investigations.ts";
import { type Actor, requireActor } from "@/lib/web/session.ts";

/** The investigation of this address, read once per request (metadata, layout and page all ask). */
export const investigationBySlug = cache(findInvestigation);

/**
 * For pages under an investigation: the signed-in actor (or a redirect to sign-in, back to
 * `path`) and the investigation (or a 404). Read once per request, however many parts ask.
 */
export async function investigationPage(slug: string, path: string): Promise<{ actor: Actor; investigation: InvestigationRef }> {
  const actor = await requireActor(path);
  const investigation = await investigationBySlug(slug);
  if (!investigation) notFound();
  return { actor, investigation };
}
