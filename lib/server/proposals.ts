import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { offsetConverter } from "@/lib/domain/offsets.ts";
import { acceptedInBatch } from "@/lib/domain/proposal-batch.ts";
import { audit, type AuditContext } from "@/lib/server/audit.ts";
import { createClaim } from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { suggestForInvestigation } from "@/lib/server/suggestions.ts";
import { saveTransaction } from "@/lib/server/transaction.ts";

/** A cue turned down this many times is proposed nowhere any more (lib/domain/suggest.ts reads the same). */
const RETIRED_AFTER = 2;

/**
 * Remembers a suggestion turned down: its span (stored in code points, as claims' positions are)
 * is not proposed again, and its cue, once turned down twice, nowhere in the investigation.
 * `cueRetired` tells the reader to hide the cue's other suggestions at once.
 */
export async function rejectProposal(
  ctx: AuditContext,
  input: { investigationId: string; articleId: string; start: number; end: number; cue: string },
): Promise<{ id: string; cueRetired: boolean }> {
  const { investigationId, articleId } = input;
  return saveTransaction(ctx, { label: "rejection", objectType: "ProposalRejection", investigationId }, async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, investigationId }, select: { body: true } });
    if (!article) throw new ExpectedError("not_found", "That article no longer exists.");
    if (input.end > article.body.length || input.start >= input.end) {
      throw new ExpectedError("invalid_input", "These words are not part of this article's text.");
    }
    const offsets = offsetConverter(article.body);
    const row = {
      investigationId,
      articleId,
      positionStart: offsets.toCodePoints(input.start),
      positionEnd: offsets.toCodePoints(input.end),
      cue: input.cue,
      quote: article.body.slice(input.start, input.end),
      rejectedById: ctx.actorId,
    };
    const { id } = await tx.proposalRejection.create({ data: row, select: { id: true } });
    await audit(tx, ctx, { action: "proposal.reject", objectType: "ProposalRejection", objectId: id, investigationId, after: row });
    const times = input.cue ? await tx.proposalRejection.count({ where: { investigationId, kind: "claim", cue: input.cue } }) : 0;
    return { id, cueRetired: times >= RETIRED_AFTER };
  });
}

/**
 * Saves every suggestion of an article at or above `minConfidence` whose subject is an entity and
 * whose attribute was guessed, each through the one claim-creation path (its own transaction,
 * detection and audit event), marked machine-proposed and accepted by the caller. One that can no
 * longer be saved (its words changed, its value unread) is counted, not fatal. A summary event
 * records the batch.
 */
export async function acceptAllProposals(
  ctx: AuditContext,
  input: { investigationId: string; articleId: string; minConfidence: number },
): Promise<{ saved: number; skipped: number; failed: number }> {
  const { investigationId, articleId, minConfidence } = input;
  const investigation = await db().investigation.findUnique({ where: { id: investigationId }, select: { timeZone: true } });
  if (!investigation) throw new ExpectedError("not_found", "That investigation no longer exists.");
  const [found] = await suggestForInvestigation(investigationId, investigation.timeZone, articleId);
  if (!found) throw new ExpectedError("not_found", "That article no longer exists.");
  const confident = found.proposals.filter((p) => p.confidence >= minConfidence);
  const claimIds: string[] = [];
  let failed = 0;
  for (const p of confident) {
    const subjectId = p.subject.how === "mention" || p.subject.how === "learned" ? p.subject.entityId : null;
    if (!acceptedInBatch({ confidence: p.confidence, subjectId, attribute: p.attribute.label }, minConfidence)) continue;
    try {
      const saved = await createClaim(ctx, {
        investigationId,
        articleId,
        start: p.start,
        end: p.end,
        subjectId: subjectId!,
        newSubjectName: "",
        newSubjectKind: "other",
        subjectText: "",
        attribute: p.attribute.label!,
        valueKind: p.valueKind,
        valueText: p.valueText,
        asOf: p.asOf?.text ?? "",
        note: "",
        proposedConfidence: p.confidence,
      });
      claimIds.push(saved.id);
    } catch (error) {
      if (!(error instanceof ExpectedError)) throw error;
      failed++;
    }
  }
  const result = { saved: claimIds.length, skipped: confident.length - claimIds.length - failed, failed };
  await audit(db(), ctx, {
    action: "proposal.acceptAll",
    objectType: "Article",
    objectId: articleId,
    investigationId,
    after: { minConfidence, ...result, claimIds },
  });
  return result;
}
