-- DERIVED from prisma/migrations/20261201000000_agency_links/migration.sql by scripts/derive-postgres.ts; do not edit.
-- DropIndex
DROP INDEX "Submission_deadlineId_key";

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "documentDate" TEXT,
ADD COLUMN     "fileMediaType" TEXT,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "fileSha256" TEXT,
ADD COLUMN     "fileSize" INTEGER,
ADD COLUMN     "receiptNumber" TEXT,
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "returnedBy" TEXT,
ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AgencyLinkRevocation" (
    "id" TEXT NOT NULL,
    "deadlineId" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL,
    "revokedBy" TEXT NOT NULL,
    "reason" TEXT,

    CONSTRAINT "AgencyLinkRevocation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgencyLinkRevocation_deadlineId_revokedAt_idx" ON "AgencyLinkRevocation"("deadlineId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_receiptNumber_key" ON "Submission"("receiptNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_deadlineId_round_key" ON "Submission"("deadlineId", "round");

-- AddForeignKey
ALTER TABLE "AgencyLinkRevocation" ADD CONSTRAINT "AgencyLinkRevocation_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
