-- Agencies report without passwords (issue 11): signed links the coordinator can revoke,
-- files and receipt numbers on reports, and returns for completion, which record the next
-- report as a new round of the same deadline (so Submission is unique per deadline and round).

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN "round" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AgencyLinkRevocation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deadlineId" TEXT NOT NULL,
    "revokedAt" DATETIME NOT NULL,
    "revokedBy" TEXT NOT NULL,
    "reason" TEXT,
    CONSTRAINT "AgencyLinkRevocation_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deadlineId" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "documentNumber" TEXT,
    "documentDate" TEXT,
    "note" TEXT,
    "link" TEXT,
    "late" BOOLEAN NOT NULL,
    "receiptNumber" TEXT,
    "fileSha256" TEXT,
    "fileName" TEXT,
    "fileMediaType" TEXT,
    "fileSize" INTEGER,
    "returnedAt" DATETIME,
    "returnReason" TEXT,
    "returnedBy" TEXT,
    CONSTRAINT "Submission_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Submission" ("deadlineId", "documentNumber", "id", "late", "link", "note", "recordedAt", "submittedAt", "submittedBy") SELECT "deadlineId", "documentNumber", "id", "late", "link", "note", "recordedAt", "submittedAt", "submittedBy" FROM "Submission";
DROP TABLE "Submission";
ALTER TABLE "new_Submission" RENAME TO "Submission";
CREATE UNIQUE INDEX "Submission_receiptNumber_key" ON "Submission"("receiptNumber");
CREATE UNIQUE INDEX "Submission_deadlineId_round_key" ON "Submission"("deadlineId", "round");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AgencyLinkRevocation_deadlineId_revokedAt_idx" ON "AgencyLinkRevocation"("deadlineId", "revokedAt");

