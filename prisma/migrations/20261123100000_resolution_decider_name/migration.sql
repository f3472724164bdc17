-- A decision names its decider as they were called when they decided: the fact sheet published
-- the decider's current name, so renaming an account rewrote past decisions.

-- AlterTable
ALTER TABLE "Resolution" ADD COLUMN     "decidedByName" TEXT NOT NULL DEFAULT '';

-- Decisions made so far: the names their deciders have now are the best record there is.
UPDATE "Resolution" r SET "decidedByName" = u."name" FROM "User" u WHERE u."id" = r."decidedById";

-- Every new decision, whichever code writes it, takes its decider's name at that moment unless it
-- brings one (a restored backup brings the name it recorded).
CREATE FUNCTION "resolution_decider_name"() RETURNS trigger AS $$
BEGIN
  IF NEW."decidedByName" = '' THEN
    SELECT "name" INTO NEW."decidedByName" FROM "User" WHERE "id" = NEW."decidedById";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Resolution_decider_name"
  BEFORE INSERT ON "Resolution"
  FOR EACH ROW EXECUTE FUNCTION "resolution_decider_name"();
