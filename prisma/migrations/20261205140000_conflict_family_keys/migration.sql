-- A subject + attribute group's conflicts are now one per family of relation (issue 11): a
-- change over time and a correction have keys of their own ("claims:<subject>:<attribute>:temporal").
-- Conflicts recorded before keep their decisions: they take their family's key here, so that
-- detection finds them again instead of opening new ones beside them.
UPDATE "Conflict" SET "detectionKey" = "detectionKey" || ':temporal'
 WHERE "kind" = 'temporal' AND "detectionKey" LIKE 'claims:%' AND "detectionKey" NOT LIKE '%:temporal';
UPDATE "Conflict" SET "detectionKey" = "detectionKey" || ':correction'
 WHERE "kind" = 'correction' AND "detectionKey" LIKE 'claims:%' AND "detectionKey" NOT LIKE '%:correction';
