-- Conflict detection (issue 4): the figure a claim gives and whether its quote sits in an
-- article's correction, both read at save time; why detection closed a conflict by itself;
-- kind-specific details of a resolution.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "inCorrection" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "valuePoint" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Conflict" ADD COLUMN     "closedReason" TEXT;

-- AlterTable
ALTER TABLE "Resolution" ADD COLUMN     "details" JSONB;

-- CreateIndex
CREATE INDEX "Claim_investigationId_valuePoint_idx" ON "Claim"("investigationId", "valuePoint");

-- Backfill existing claims the way lib/server/claims.ts reads new ones.
UPDATE "Claim" SET "valuePoint" = ("valueNorm"->>'point')::double precision
WHERE "valueKind" IN ('money', 'number', 'percentage') AND jsonb_typeof("valueNorm"->'point') = 'number';

-- The paragraph before the quote (last 600 characters, from the last line break) plus the quote,
-- tested as lib/domain/conflicts.ts isCorrectionPassage tests it (\m \M are word boundaries here).
UPDATE "Claim" AS c SET "inCorrection" = true
FROM (
  SELECT cl.id,
         regexp_replace(substring(a.body FROM greatest(1, cl."positionStart" - 599) FOR least(cl."positionStart", 600)), '^.*\n', '') || cl."quoteExact" AS passage
  FROM "Claim" cl JOIN "Article" a ON a.id = cl."articleId"
) AS p
WHERE p.id = c.id
  AND (p.passage ~* '^\s*(correction|clarification|editor[’'']s note|update)\M'
       OR p.passage ~* '\m(an earlier version|previously (reported|stated)|misstated|misreported|incorrectly (stated|reported|said)|has been (corrected|updated))\M');
