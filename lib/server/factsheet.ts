import "server-only";
import { buildFactSheet, type FactSheet, type FactSheetInput, type SheetResolution } from "@/lib/domain/factsheet.ts";
import { readOptionalValue, readResolutionDetails, readValue } from "@/lib/domain/json-codecs.ts";
import { db } from "@/lib/server/database.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * What the fact sheet is built from, read in a handful of queries: the investigation, its
 * articles (without their bodies), canonical entities, claims and conflicts with the decision
 * that holds. The time stamp is the investigation's last audited change, so the same data gives
 * the same sheet whenever it is exported.
 */
export async function loadFactSheetInput(investigationId: string): Promise<FactSheetInput | null> {
  const investigation = await db().investigation.findUnique({
    where: { id: investigationId },
    select: { slug: true, title: true, description: true, createdAt: true, updatedAt: true },
  });
  if (!investigation) return null;
  const [last, articles, entities, claims, conflicts] = await Promise.all([
    db().auditEvent.findFirst({ where: { investigationId }, orderBy: { id: "desc" }, select: { createdAt: true } }),
    db().article.findMany({
      where: { investigationId },
      select: { id: true, title: true, outlet: true, author: true, url: true, publishedText: true, publishedAt: true, contentHash: true },
    }),
    db().entity.findMany({
      where: { investigationId, mergedIntoId: null },
      select: { id: true, name: true, kind: true, aliases: { select: { name: true } } },
    }),
    db().claim.findMany({
      where: { investigationId },
      select: {
        id: true,
        articleId: true,
        subjectId: true,
        subjectText: true,
        attribute: true,
        attributeLabel: true,
        valueKind: true,
        valueText: true,
        valueNorm: true,
        asOfText: true,
        asOfStart: true,
        status: true,
        statusReason: true,
        quoteExact: true,
        quotePrefix: true,
        quoteSuffix: true,
        positionStart: true,
        positionEnd: true,
      },
    }),
    db().conflict.findMany({
      where: { investigationId },
      select: {
        id: true,
        kind: true,
        status: true,
        summary: true,
        claims: { select: { claimId: true } },
        entities: { select: { entityId: true } },
        resolutions: {
          where: { withdrawnAt: null },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: {
            kind: true,
            rationale: true,
            createdAt: true,
            acceptedClaimId: true,
            valueText: true,
            valueNorm: true,
            details: true,
            decidedByName: true,
          },
        },
      },
    }),
  ]);
  return {
    investigation: {
      slug: investigation.slug,
      title: investigation.title,
      description: investigation.description,
      createdAt: investigation.createdAt.toISOString(),
    },
    lastChange: (last?.createdAt ?? investigation.updatedAt).toISOString(),
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      author: a.author,
      url: a.url,
      publishedText: a.publishedText,
      publishedOn: a.publishedAt ? day(a.publishedAt) : null,
      contentHash: a.contentHash,
    })),
    entities: entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((a) => a.name) })),
    claims: claims.map((c) => ({
      id: c.id,
      articleId: c.articleId,
      subjectId: c.subjectId,
      subjectText: c.subjectText,
      attribute: c.attribute,
      attributeLabel: c.attributeLabel,
      valueKind: c.valueKind,
      valueText: c.valueText,
      value: readValue(c.valueNorm),
      asOfText: c.asOfText,
      asOfStart: c.asOfStart ? day(c.asOfStart) : null,
      status: c.status,
      statusReason: c.statusReason,
      quote: c.quoteExact,
      prefix: c.quotePrefix,
      suffix: c.quoteSuffix,
      start: c.positionStart,
      end: c.positionEnd,
    })),
    conflicts: conflicts.map((c) => {
      const r = c.resolutions[0];
      const details = r ? readResolutionDetails(r.kind, r.details) : null;
      const bothValid = details?.kind === "both_valid" ? details : null;
      const resolution: SheetResolution | null = r
        ? {
            kind: r.kind,
            rationale: r.rationale,
            reviewer: r.decidedByName,
            decidedOn: day(r.createdAt),
            acceptedClaimId: r.acceptedClaimId,
            valueText: r.valueText,
            value: readOptionalValue(r.valueNorm),
            asOf: Object.fromEntries(Object.entries(bothValid?.asOf ?? {}).map(([id, a]) => [id, { text: a.text, start: a.start }])),
            scope: bothValid?.scope ?? null,
          }
        : null;
      return {
        id: c.id,
        kind: c.kind,
        status: c.status,
        summary: c.summary,
        claimIds: c.claims.map((x) => x.claimId),
        entityIds: c.entities.map((x) => x.entityId),
        resolution,
      };
    }),
  };
}

export async function factSheetOf(investigationId: string): Promise<FactSheet | null> {
  const input = await loadFactSheetInput(investigationId);
  return input && buildFactSheet(input);
}
