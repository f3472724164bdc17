-- AlterTable
ALTER TABLE "Entity" ADD COLUMN     "folded" TEXT;

-- CreateIndex
CREATE INDEX "Entity_investigationId_folded_idx" ON "Entity"("investigationId", "folded");

-- Names in plain printable ASCII fold as foldText folds them: case (A-Z only, whatever the
-- database's locale) and runs of spaces, tabs and line breaks. Other names stay null and are
-- folded in JavaScript where read (lib/server/entities.ts findByName).
UPDATE "Entity"
   SET "folded" = btrim(regexp_replace(translate("name", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), E'[ \\t\\n\\r]+', ' ', 'g'), ' ')
 WHERE "name" ~ E'^[ -~\\t\\n\\r]*$';
