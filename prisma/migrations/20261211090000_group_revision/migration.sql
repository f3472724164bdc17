-- AlterTable
ALTER TABLE "GroupDetection" ADD COLUMN     "revision" TEXT;
