-- AlterEnum


ALTER TYPE "ConflictKind" ADD VALUE 'measure';
ALTER TYPE "ConflictKind" ADD VALUE 'containment';
ALTER TYPE "ValueKind" ADD VALUE 'time';

-- AlterTable
ALTER TABLE "Investigation" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "accordingTo" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "appliesToPart" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "method" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Attribute" (
    "id" TEXT NOT NULL,
    "investigationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "cardinality" TEXT,
    "change" TEXT,
    "lists" TEXT,
    "updatedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attribute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attribute_investigationId_key_key" ON "Attribute"("investigationId", "key");

-- AddForeignKey
ALTER TABLE "Attribute" ADD CONSTRAINT "Attribute_investigationId_fkey" FOREIGN KEY ("investigationId") REFERENCES "Investigation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

