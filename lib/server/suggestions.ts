import "server-only";
import { anchorInText } from "@/lib/domain/anchoring.ts";
import { offsetConverter } from "@/lib/domain/offsets.ts";
import { type Proposal, type RecordedClaim, type RejectedProposal, suggestClaims } from "@/lib/domain/suggest.ts";
import type { EntityKind } from "@/lib/domain/claims.ts";
import type { ValueKind } from "@/lib/domain/values.ts";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { db } from "@/lib/server/database.ts";
import { keptByMark } from "@/lib/server/kept-by-mark.ts";
import { subjectOptions } from "@/lib/server/entities.ts";

export type ArticleProposals = { articleId: string; title: string; proposals: Proposal[] };

/** A proposal as the reader draws and pre-fills it: offsets in UTF-16 units of the body. */
export type ReaderProposal = {
  /** `start:end`, unique in its article (proposals never overlap). */
  id: string;
  start: number;
  end: number;
  quote: string;
  valueKind: ValueKind;
  valueText: string;
  reading: string;
  /** The guessed subject: an entity of the investigation, or a name the text gives (a new entity, of this kind when it can tell). */
  subject: { entityId: string | null; name: string; kind?: EntityKind } | null;
  attribute: string | null;
  asOf: string | null;
  confidence: number;
  cue: string;
};

/** What the reader needs of a proposal; a guess the machine could not make is null. */
export function toReaderProposal(p: Proposal): ReaderProposal {
  return {
    id: `${p.start}:${p.end}`,
    start: p.start,
    end: p.end,
    quote: p.quote,
    valueKind: p.valueKind,
    valueText: p.valueText,
    reading: p.reading,
    subject:
      p.subject.how === "none"
        ? null
        : p.subject.how === "sentence"
          ? { entityId: null, name: p.subject.name, ...(p.subject.kind && { kind: p.subject.kind }) }
          : { entityId: p.subject.entityId, name: p.subject.name },
    attribute: p.attribute.label,
    asOf: p.asOf?.text ?? null,
    confidence: p.confidence,
    cue: p.cue,
  };
}

/** One article's proposals for the reader, in reading order. */
export async function readerProposals(investigationId: string, articleId: string, timeZone: string): Promise<ReaderProposal[]> {
  const [found] = await suggestForInvestigation(investigationId, timeZone, articleId);
  return (found?.proposals ?? []).map(toReaderProposal);
}

/**
 * An article's suggestions for the reader, which asks once the page is on screen: working them out
 * reads the whole investigation's claims and the article's sentences (seconds for a long article
 * in a large investigation), which must not hold up the page. An article of another investigation
 * is not found, as a made-up id is not.
 */
export async function articleProposals(investigationId: string, articleId: string): Promise<ReaderProposal[]> {
  const article = await db().article.findFirst({
    where: { id: articleId, investigationId },
    select: { investigation: { select: { timeZone: true } } },
  });
  if (!article) throw new ExpectedError("not_found", "That article is not in this investigation.");
  // Kept until the investigation's next audited change (a claim, an entity, a rejection …).
  return keptProposals(investigationId, articleId, () => readerProposals(investigationId, articleId, article.investigation.timeZone));
}

/** Articles whose suggestions are kept worked out, the 16 most recently asked for. */
const keptProposals = keptByMark<ReaderProposal[]>(16);

/**
 * How many claims of the investigation's other articles teach an article's suggestions: the most
 * recently recorded, so that an article opens as fast in an investigation of 100,000 claims as in
 * one of a hundred (their cues repeat long before that).
 */
export const TEACHING_CLAIMS = 5_000;

/**
 * Suggested claims for an investigation's articles (one, when `articleId` is given): active claims
 * teach their cue, and the claims of an article (whatever their status) are not proposed again;
 * nor is a span turned down, nor anywhere a cue turned down twice. An article's own claims are
 * re-anchored in its body (UTF-16 offsets) as the reader does; rejected spans are converted
 * likewise. For one article, the claims of the others teach from their stored words (the quote
 * and the words before it, all a cue is read from), the latest TEACHING_CLAIMS of them: no other
 * article's body is read.
 */
export async function suggestForInvestigation(investigationId: string, timeZone: string, articleId?: string): Promise<ArticleProposals[]> {
  const [entities, articles, claims, teaching, rejections] = await Promise.all([
    subjectOptions(investigationId),
    db().article.findMany({
      where: { investigationId, ...(articleId !== undefined && { id: articleId }) },
      orderBy: [{ publishedAt: "asc" }, { title: "asc" }],
      select: { id: true, title: true, body: true, publishedAt: true },
    }),
    db().claim.findMany({
      where: { investigationId, ...(articleId !== undefined && { articleId }) },
      select: {
        status: true,
        articleId: true,
        subjectId: true,
        attributeLabel: true,
        valueKind: true,
        valueText: true,
        quoteExact: true,
        quotePrefix: true,
        quoteSuffix: true,
        positionStart: true,
        positionEnd: true,
      },
    }),
    articleId === undefined
      ? []
      : db().claim.findMany({
          where: { investigationId, status: "active", articleId: { not: articleId } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: TEACHING_CLAIMS,
          select: {
            articleId: true,
            subjectId: true,
            attributeLabel: true,
            valueKind: true,
            valueText: true,
            quoteExact: true,
            quotePrefix: true,
          },
        }),
    db().proposalRejection.findMany({
      // Every article's: a cue turned down twice anywhere is not proposed here either.
      where: { investigationId, kind: "claim" },
      select: { articleId: true, positionStart: true, positionEnd: true, cue: true },
    }),
  ]);
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  // One converter per article, not per claim: each is a pass over a body of up to 2 MB.
  const converters = new Map<string, ReturnType<typeof offsetConverter>>();
  const converterOf = (articleId: string, body: string) => {
    let offsets = converters.get(articleId);
    if (!offsets) converters.set(articleId, (offsets = offsetConverter(body)));
    return offsets;
  };
  const recorded: RecordedClaim[] = [];
  const settled: RejectedProposal[] = [];
  for (const c of claims) {
    const body = bodies.get(c.articleId);
    if (body === undefined) continue;
    const offsets = converterOf(c.articleId, body);
    const anchor = anchorInText(body, {
      quote: { exact: c.quoteExact, prefix: c.quotePrefix, suffix: c.quoteSuffix },
      position: { start: offsets.toUtf16(c.positionStart), end: offsets.toUtf16(c.positionEnd) },
    });
    if (!anchor) continue;
    // A retracted or superseded claim teaches nothing, but its words were dealt with: the reader
    // draws it, and a suggestion under it would be counted by "accept all" yet never shown.
    if (c.status !== "active") {
      settled.push({ cue: "", span: { articleId: c.articleId, start: anchor.start, end: anchor.end } });
      continue;
    }
    recorded.push({
      articleId: c.articleId,
      body,
      start: anchor.start,
      end: anchor.end,
      valueText: c.valueText,
      valueKind: c.valueKind,
      subjectId: c.subjectId,
      attribute: c.attributeLabel,
    });
  }
  const rejected: RejectedProposal[] = rejections.map((r) => {
    const body = bodies.get(r.articleId);
    if (body === undefined) return { cue: r.cue };
    const offsets = converterOf(r.articleId, body);
    return {
      cue: r.cue,
      span: { articleId: r.articleId, start: offsets.toUtf16(r.positionStart), end: offsets.toUtf16(r.positionEnd) },
    };
  });
  // What another article's claim teaches is read from its quote and the words before it.
  // Oldest first, as the claims of the article itself and the whole-investigation path come: where
  // cues score alike, the claim taught first wins.
  for (const c of teaching.reverse()) {
    const body = c.quotePrefix + c.quoteExact;
    recorded.push({
      articleId: c.articleId,
      body,
      start: c.quotePrefix.length,
      end: body.length,
      valueText: c.valueText,
      valueKind: c.valueKind,
      subjectId: c.subjectId,
      attribute: c.attributeLabel,
    });
  }
  return articles.map((a) => ({
    articleId: a.id,
    title: a.title,
    proposals: suggestClaims({ article: a, entities, claims: recorded, rejected: [...rejected, ...settled], timeZone }),
  }));
}
