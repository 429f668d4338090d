-- DERIVED from prisma/migrations/20261122120000_extensions_adhoc_campaigns/migration.sql by scripts/derive-postgres.ts; do not edit.
-- DropForeignKey
ALTER TABLE "OutboxMessage" DROP CONSTRAINT "OutboxMessage_deadlineId_fkey";

-- DropIndex
DROP INDEX "Obligation_planId_agencyId_ruleText_key";

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "extendedFrom" TEXT,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Obligation" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'periodic',
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "campaignRunId" TEXT,
ALTER COLUMN "deadlineId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "recurring" BOOLEAN NOT NULL DEFAULT true,
    "resultsDue" TEXT,
    "organiserId" TEXT,
    "participants" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRun" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "resultsDue" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "nextStepKind" TEXT,
    "nextStepAt" TIMESTAMP(3),
    "workflowId" TEXT NOT NULL,

    CONSTRAINT "CampaignRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_planId_name_key" ON "Campaign"("planId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRun_workflowId_key" ON "CampaignRun"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRun_campaignId_year_key" ON "CampaignRun"("campaignId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Obligation_planId_agencyId_ruleText_title_key" ON "Obligation"("planId", "agencyId", "ruleText", "title");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRun" ADD CONSTRAINT "CampaignRun_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_campaignRunId_fkey" FOREIGN KEY ("campaignRunId") REFERENCES "CampaignRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline"("id") ON DELETE SET NULL ON UPDATE CASCADE;
