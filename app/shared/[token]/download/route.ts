import { resolveShareToken } from "@/lib/server/share-links.ts";
import { factSheetDownload } from "@/lib/web/factsheet-response.ts";

/**
 * GET /shared/<token>/download?format=md|json|csv|html|jsonld — the fact sheet's downloads for
 * anyone holding a live read-only link, as the API gives them to members. The token is checked
 * on every request, so a revoked or expired link stops here at once; an unknown one gets a bare
 * 404 that says nothing of what it might have been.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return factSheetDownload(
    request,
    async () => (await resolveShareToken((await params).token))?.id ?? null,
    () =>
      new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }),
  );
}
