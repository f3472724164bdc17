-- AlterTable
ALTER TABLE "GroupDetection" ADD COLUMN     "tail" JSONB;
