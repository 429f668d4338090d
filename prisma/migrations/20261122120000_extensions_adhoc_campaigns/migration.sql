-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "recurring" BOOLEAN NOT NULL DEFAULT true,
    "resultsDue" TEXT,
    "organiserId" TEXT,
    "participants" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Campaign_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "resultsDue" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "nextStepKind" TEXT,
    "nextStepAt" DATETIME,
    "workflowId" TEXT NOT NULL,
    CONSTRAINT "CampaignRun_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Obligation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "ruleText" TEXT NOT NULL,
    "indicators" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'periodic',
    "title" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Obligation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Obligation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Obligation" ("agencyId", "id", "indicators", "planId", "ruleText") SELECT "agencyId", "id", "indicators", "planId", "ruleText" FROM "Obligation";
DROP TABLE "Obligation";
ALTER TABLE "new_Obligation" RENAME TO "Obligation";
CREATE UNIQUE INDEX "Obligation_planId_agencyId_ruleText_title_key" ON "Obligation"("planId", "agencyId", "ruleText", "title");
CREATE TABLE "new_Deadline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "obligationId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodLabel" TEXT NOT NULL,
    "lastDay" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "dataFrom" TEXT NOT NULL,
    "dataTo" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'upcoming',
    "extendedFrom" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "nextStepKind" TEXT,
    "nextStepAt" DATETIME,
    "workflowId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deadline_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Deadline" ("dataFrom", "dataTo", "dueAt", "id", "lastDay", "nextStepAt", "nextStepKind", "obligationId", "periodKey", "periodLabel", "status", "updatedAt", "workflowId") SELECT "dataFrom", "dataTo", "dueAt", "id", "lastDay", "nextStepAt", "nextStepKind", "obligationId", "periodKey", "periodLabel", "status", "updatedAt", "workflowId" FROM "Deadline";
DROP TABLE "Deadline";
ALTER TABLE "new_Deadline" RENAME TO "Deadline";
CREATE UNIQUE INDEX "Deadline_workflowId_key" ON "Deadline"("workflowId");
CREATE UNIQUE INDEX "Deadline_obligationId_periodKey_key" ON "Deadline"("obligationId", "periodKey");
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
    "sentAt" DATETIME,
    "messageId" TEXT,
    "error" TEXT,
    CONSTRAINT "OutboxMessage_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_campaignRunId_fkey" FOREIGN KEY ("campaignRunId") REFERENCES "CampaignRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("claimedAt", "deadlineId", "error", "id", "key", "messageId", "recipient", "sentAt", "status", "stepKey", "subject") SELECT "claimedAt", "deadlineId", "error", "id", "key", "messageId", "recipient", "sentAt", "status", "stepKey", "subject" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_planId_name_key" ON "Campaign"("planId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRun_workflowId_key" ON "CampaignRun"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRun_campaignId_year_key" ON "CampaignRun"("campaignId", "year");

