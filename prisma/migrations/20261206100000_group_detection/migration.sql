-- What detection knows of large subject + attribute groups: a cache (lib/domain/group-detection.ts).
-- CreateTable
CREATE TABLE "GroupDetection" (
    "investigationId" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupDetection_pkey" PRIMARY KEY ("investigationId","groupKey")
);

-- AddForeignKey
ALTER TABLE "GroupDetection" ADD CONSTRAINT "GroupDetection_investigationId_fkey" FOREIGN KEY ("investigationId") REFERENCES "Investigation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

