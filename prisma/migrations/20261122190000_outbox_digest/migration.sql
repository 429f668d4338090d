-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "deadlineId" TEXT,
    "campaignRunId" TEXT,
    "stepKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "digestKey" TEXT,
    "batchKey" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "sentAt" DATETIME,
    "messageId" TEXT,
    "error" TEXT,
    CONSTRAINT "OutboxMessage_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_campaignRunId_fkey" FOREIGN KEY ("campaignRunId") REFERENCES "CampaignRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("campaignRunId", "claimedAt", "deadlineId", "error", "id", "key", "messageId", "recipient", "sentAt", "status", "stepKey", "subject") SELECT "campaignRunId", "claimedAt", "deadlineId", "error", "id", "key", "messageId", "recipient", "sentAt", "status", "stepKey", "subject" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");
CREATE INDEX "OutboxMessage_digestKey_status_idx" ON "OutboxMessage"("digestKey", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

