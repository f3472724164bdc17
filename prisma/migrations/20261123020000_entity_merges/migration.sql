-- CreateTable
CREATE TABLE "EntityMerge" (
    "id" TEXT NOT NULL,
    "investigationId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "movedClaimIds" TEXT[],
    "movedAliasIds" TEXT[],
    "addedAliasId" TEXT,
    "mergedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,

    CONSTRAINT "EntityMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EntityMerge_investigationId_sourceId_idx" ON "EntityMerge"("investigationId", "sourceId");

-- CreateIndex
CREATE INDEX "EntityMerge_targetId_idx" ON "EntityMerge"("targetId");

-- AddForeignKey
ALTER TABLE "EntityMerge" ADD CONSTRAINT "EntityMerge_investigationId_fkey" FOREIGN KEY ("investigationId") REFERENCES "Investigation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityMerge" ADD CONSTRAINT "EntityMerge_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityMerge" ADD CONSTRAINT "EntityMerge_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

