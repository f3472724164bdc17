-- Investigations belong to their members (issue 15): a person's role is now per investigation.
-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('lead', 'reviewer', 'analyst', 'viewer');

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "investigationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_investigationId_userId_key" ON "Membership"("investigationId", "userId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_investigationId_fkey" FOREIGN KEY ("investigationId") REFERENCES "Investigation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill, so that nobody loses access on upgrade. Each investigation gets its creator as lead
-- (or, when it has none, the first admin); then every account becomes a member of every
-- investigation with the role it had globally (admin -> lead). Ids are derived from the pair, so
-- the statement means the same on every engine.
INSERT INTO "Membership" ("id", "investigationId", "userId", "role", "createdAt")
SELECT 'mb' || md5(i."id" || ':' || lead."id"), i."id", lead."id", 'lead', CURRENT_TIMESTAMP
FROM "Investigation" i
JOIN LATERAL (
    SELECT u."id" FROM "User" u
    WHERE u."id" = i."createdById"
       OR (i."createdById" IS NULL AND u."role" = 'admin')
    ORDER BY (u."id" = i."createdById") DESC, u."createdAt", u."id"
    LIMIT 1
) lead ON TRUE;

INSERT INTO "Membership" ("id", "investigationId", "userId", "role", "createdAt")
SELECT 'mb' || md5(i."id" || ':' || u."id"), i."id", u."id",
       (CASE u."role" WHEN 'admin' THEN 'lead' WHEN 'reviewer' THEN 'reviewer' ELSE 'analyst' END)::"MemberRole",
       CURRENT_TIMESTAMP
FROM "Investigation" i CROSS JOIN "User" u
ON CONFLICT ("investigationId", "userId") DO NOTHING;
