import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import type { EntityKind } from "@/lib/domain/claims.ts";
import { suggestNames } from "@/lib/domain/entity-suggest.ts";
import { offsetConverter } from "@/lib/domain/offsets.ts";
import { foldText } from "@/lib/domain/text.ts";
import { audit, type AuditContext } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { subjectOptions } from "@/lib/server/entities.ts";
import { keptByMark } from "@/lib/server/kept-by-mark.ts";
import { saveTransaction } from "@/lib/server/transaction.ts";

/** A name the reader offers to make an entity or an alias: offsets in UTF-16 units of the body. */
export type ReaderName = {
  /** The name folded: unique in its article. */
  id: string;
  name: string;
  kind: EntityKind;
  spans: { start: number; end: number }[];
  aliasOf: { entityId: string; name: string; why: string }[];
  /** The name's short forms among its places ("Amodei"): aliases of the entity made of it. */
  shortForms: string[];
};

/** An article's names: mentions of known entities (linked), and names proposed as entities. */
export type ReaderNames = { mentions: { entityId: string; start: number; end: number }[]; names: ReaderName[] };

/** Names dismissed in an investigation (folded): proposed nowhere in it again. */
async function dismissedNames(investigationId: string): Promise<Set<string>> {
  const rows = await db().proposalRejection.findMany({ where: { investigationId, kind: "name" }, select: { cue: true } });
  return new Set(rows.map((r) => r.cue));
}

/** One article's names, worked out afresh. */
export async function namesOfArticle(investigationId: string, articleId: string): Promise<ReaderNames> {
  const [article, entities, dismissed] = await Promise.all([
    db().article.findFirst({ where: { id: articleId, investigationId }, select: { body: true } }),
    subjectOptions(investigationId),
    dismissedNames(investigationId),
  ]);
  if (!article) throw new ExpectedError("not_found", "That article is not in this investigation.");
  const { mentions, names } = suggestNames({ body: article.body, entities, dismissed });
  return {
    mentions,
    names: names.map((n) => ({
      id: n.folded,
      name: n.name,
      kind: n.kind,
      spans: n.spans,
      aliasOf: n.aliasOf.map((a) => ({ entityId: a.entityId, name: a.name, why: a.why })),
      shortForms: n.shortForms,
    })),
  };
}

/** Articles whose names are kept worked out, the 16 most recently asked for. */
const keptNames = keptByMark<ReaderNames>(16);

/**
 * An article's names for the reader, kept until the investigation's next audited change (a new
 * entity or alias, a dismissal …), as its suggested claims are.
 */
export function articleNames(investigationId: string, articleId: string): Promise<ReaderNames> {
  return keptNames(investigationId, articleId, () => namesOfArticle(investigationId, articleId));
}

/**
 * Dismisses a proposed name: it is proposed nowhere in the investigation again (it is a common
 * word, an outlet, a name the analyst does not track). The words at these offsets are the name;
 * they are stored (in code points, as claims' positions are) for the record.
 */
export async function dismissName(
  ctx: AuditContext,
  input: { investigationId: string; articleId: string; start: number; end: number },
): Promise<{ id: string; name: string }> {
  const { investigationId, articleId } = input;
  return saveTransaction(ctx, { label: "dismissal", objectType: "ProposalRejection", investigationId }, async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, investigationId }, select: { body: true } });
    if (!article) throw new ExpectedError("not_found", "That article no longer exists.");
    const name = article.body.slice(input.start, input.end).trim();
    if (input.end > article.body.length || input.start >= input.end || !name || /\n/.test(name)) {
      throw new ExpectedError("invalid_input", "These words are not a name in this article's text.");
    }
    const offsets = offsetConverter(article.body);
    const row = {
      investigationId,
      articleId,
      kind: "name",
      positionStart: offsets.toCodePoints(input.start),
      positionEnd: offsets.toCodePoints(input.end),
      cue: foldText(name),
      quote: name,
      rejectedById: ctx.actorId,
    };
    const { id } = await tx.proposalRejection.create({ data: row, select: { id: true } });
    await audit(tx, ctx, { action: "name.dismiss", objectType: "ProposalRejection", objectId: id, investigationId, after: row });
    return { id, name };
  });
}
