-- DERIVED from prisma/migrations/20261129120000_notices_escalations/migration.sql by scripts/derive-postgres.ts; do not edit.
-- DropIndex
DROP INDEX "CampaignRun_workflowId_key";

-- AlterTable
ALTER TABLE "CampaignRun" DROP COLUMN "workflowId";

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "escalatedTo" TEXT,
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "notBefore" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OutboxMessage_deadlineId_status_idx" ON "OutboxMessage"("deadlineId", "status");
