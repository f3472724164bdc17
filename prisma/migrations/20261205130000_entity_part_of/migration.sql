-- AlterTable
ALTER TABLE "Entity" ADD COLUMN     "partOfId" TEXT;

-- AlterTable
ALTER TABLE "EntityMerge" ADD COLUMN     "addedPartOfId" TEXT,
ADD COLUMN     "movedPartIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Entity_partOfId_idx" ON "Entity"("partOfId");

-- AddForeignKey
ALTER TABLE "Entity" ADD CONSTRAINT "Entity_partOfId_fkey" FOREIGN KEY ("partOfId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

