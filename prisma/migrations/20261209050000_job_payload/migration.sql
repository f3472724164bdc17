-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "payload" JSONB;
