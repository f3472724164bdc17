-- Suggested claims (issue 14): a claim accepted from a suggestion keeps the machine's confidence,
-- and a suggestion turned down is remembered so that it is not proposed again.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "proposedConfidence" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "ProposalRejection" (
    "id" TEXT NOT NULL,
    "investigationId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "positionStart" INTEGER NOT NULL,
    "positionEnd" INTEGER NOT NULL,
    "cue" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "rejectedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalRejection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProposalRejection_investigationId_cue_idx" ON "ProposalRejection"("investigationId", "cue");

-- CreateIndex
CREATE INDEX "ProposalRejection_articleId_idx" ON "ProposalRejection"("articleId");

-- Foreign keys by hand (the schema declares no relation fields for this table): a rejection goes
-- with its investigation and its article; the person's account going leaves the record.
ALTER TABLE "ProposalRejection" ADD CONSTRAINT "ProposalRejection_investigationId_fkey" FOREIGN KEY ("investigationId") REFERENCES "Investigation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProposalRejection" ADD CONSTRAINT "ProposalRejection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProposalRejection" ADD CONSTRAINT "ProposalRejection_rejectedById_fkey" FOREIGN KEY ("rejectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
