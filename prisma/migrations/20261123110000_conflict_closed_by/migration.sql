-- Who closed a conflict, said explicitly instead of inferred from closedReason being set.
CREATE TYPE "ConflictClosedBy" AS ENUM ('person', 'detection');

ALTER TABLE "Conflict" ADD COLUMN "closedBy" "ConflictClosedBy";

-- Until now detection alone wrote closedReason when it closed a conflict; every other closed
-- conflict was settled by a person.
UPDATE "Conflict" SET "closedBy" = CASE WHEN "closedReason" IS NOT NULL THEN 'detection'::"ConflictClosedBy" ELSE 'person'::"ConflictClosedBy" END
 WHERE status <> 'open';
