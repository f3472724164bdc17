import { db } from "@/lib/server/database.ts";

/**
 * GET /api/health — for a load balancer or an uptime check: 200 when this instance answers and
 * its database does (one `SELECT 1`), 503 otherwise. Says nothing about the data; no session
 * needed. The bench uses it as the floor of a request through Next.js with one query.
 */
export async function GET() {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false, error: "The database does not answer." }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
