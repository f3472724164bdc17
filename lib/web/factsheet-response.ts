import "server-only";
import { publicAddress } from "@/lib/domain/deployment.ts";
import {
  FACTSHEET_FORMATS,
  type FactSheetFormat,
  factSheetFileName,
  factSheetStream,
  FORMAT_INFO,
} from "@/lib/domain/factsheet-formats.ts";
import { currentFactSheet } from "@/lib/server/factsheet.ts";

/** A refusal as JSON, never cached. */
export const factSheetProblem = (status: number, message: string) =>
  Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The download of an investigation's fact sheet the caller may read (its members through the API,
 * anyone with a live link through /shared): `format` md|json|csv|html|jsonld, `download=0` shows it
 * in the browser instead of saving it, `pretty=1` indents JSON. The body is streamed, written as
 * the client reads it. `investigation` finds the investigation's id, or null for what the caller
 * may not read, which is answered by `notFound` (as is an investigation without a sheet).
 */
export async function factSheetDownload(
  request: Request,
  investigation: () => Promise<string | null>,
  notFound: () => Response,
): Promise<Response> {
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "md") as FactSheetFormat;
  if (!FACTSHEET_FORMATS.includes(format)) {
    return factSheetProblem(400, `Unknown format “${format}”. Use one of: ${FACTSHEET_FORMATS.join(", ")}.`);
  }
  const investigationId = await investigation();
  const current = investigationId ? await currentFactSheet(investigationId) : null;
  const sheet = current?.sheet;
  if (!investigationId || !current || !sheet) return notFound();
  const inline = url.searchParams.get("download") === "0";
  const pretty = url.searchParams.get("pretty") === "1";
  // The same investigation, unchanged, gives the same bytes in one format: a script polling for
  // changes sends back the ETag and gets 304 until something changes.
  const etag = `"${investigationId}.${current.mark}.${format}${pretty ? ".pretty" : ""}"`;
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
