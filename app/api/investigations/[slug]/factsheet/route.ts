import {
  FACTSHEET_FORMATS,
  type FactSheetFormat,
  factSheetFileName,
  factSheetStream,
  FORMAT_INFO,
} from "@/lib/domain/factsheet-formats.ts";
import { publicAddress } from "@/lib/domain/deployment.ts";
import { currentFactSheet } from "@/lib/server/factsheet.ts";
import { findMemberInvestigation } from "@/lib/server/memberships.ts";
import { currentActor } from "@/lib/web/session.ts";

/**
 * GET /api/investigations/<slug>/factsheet?format=md|json|csv|html|jsonld — for the investigation's
 * members, any role (the session cookie); to anyone else it answers as for an address that does not exist. `download=0` shows it in the browser instead of saving it. JSON and JSON-LD
 * come compact; `pretty=1` indents them. The body is streamed, written as the client reads it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const problem = (status: number, message: string) =>
    Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
  const actor = await currentActor();
  if (!actor) return problem(401, "Sign in to export a fact sheet.");
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "md") as FactSheetFormat;
  if (!FACTSHEET_FORMATS.includes(format)) return problem(400, `Unknown format “${format}”. Use one of: ${FACTSHEET_FORMATS.join(", ")}.`);
  const investigation = await findMemberInvestigation((await params).slug, actor.id);
  const current = investigation && (await currentFactSheet(investigation.id));
  const sheet = current?.sheet;
  if (!investigation || !current || !sheet) return problem(404, "No such investigation.");
  const inline = url.searchParams.get("download") === "0";
  const pretty = url.searchParams.get("pretty") === "1";
  // The same investigation, unchanged, gives the same bytes in one format: a script polling for
  // changes sends back the ETag and gets 304 until something changes.
  const etag = `"${investigation.id}.${current.mark}.${format}${pretty ? ".pretty" : ""}"`;
  const caching = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (
    request.headers
      .get("if-none-match")
      ?.split(/\s*,\s*/)
      .includes(etag)
  ) {
    return new Response(null, { status: 304, headers: caching });
  }
  return new Response(factSheetStream(sheet, format, { siteUrl: publicAddress(process.env), pretty }), {
    headers: {
      "Content-Type": FORMAT_INFO[format].mime,
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${factSheetFileName(sheet, format)}"`,
      ...caching,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
