import { findMemberInvestigation } from "@/lib/server/memberships.ts";
import { factSheetDownload, factSheetProblem } from "@/lib/web/factsheet-response.ts";
import { currentActor } from "@/lib/web/session.ts";

/**
 * GET /api/investigations/<slug>/factsheet?format=md|json|csv|html|jsonld — for the investigation's
 * members, any role (the session cookie); to anyone else it answers as for an address that does not exist. `download=0` shows it in the browser instead of saving it. JSON and JSON-LD
 * come compact; `pretty=1` indents them. The body is streamed, written as the client reads it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const actor = await currentActor();
  if (!actor) return factSheetProblem(401, "Sign in to export a fact sheet.");
  return factSheetDownload(
    request,
    async () => (await findMemberInvestigation((await params).slug, actor.id))?.id ?? null,
    () => factSheetProblem(404, "No such investigation."),
  );
}
