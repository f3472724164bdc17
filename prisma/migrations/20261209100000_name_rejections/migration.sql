-- A name proposed as an entity (issue 14, item 4) can be dismissed too: a rejection says which
-- kind of suggestion it turns down, and existing ones were all suggested claims.

-- DropIndex
DROP INDEX "ProposalRejection_investigationId_cue_idx";

-- AlterTable
ALTER TABLE "ProposalRejection" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'claim';

-- CreateIndex
CREATE INDEX "ProposalRejection_investigationId_kind_cue_idx" ON "ProposalRejection"("investigationId", "kind", "cue");

