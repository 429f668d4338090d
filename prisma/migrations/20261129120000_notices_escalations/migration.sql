-- Escalations actually sent (the dashboard's "escalated" comes from these, not the calendar).
ALTER TABLE "Deadline" ADD COLUMN "escalationLevel" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Deadline" ADD COLUMN "escalatedTo" TEXT;
ALTER TABLE "Deadline" ADD COLUMN "escalatedAt" DATETIME;

-- Notices (receipts, extensions, waivers, reminders sent by hand) are committed as "pending"
-- rows and delivered after the state change has answered; notBefore holds one for the morning.
ALTER TABLE "OutboxMessage" ADD COLUMN "notBefore" DATETIME;
CREATE INDEX "OutboxMessage_deadlineId_status_idx" ON "OutboxMessage"("deadlineId", "status");

-- CampaignRun.workflowId named "campaign/<id>/<year>", a workflow that never existed: every
-- run belongs to the workflow "campaign/<id>". The id is derived, so the column goes.
DROP INDEX "CampaignRun_workflowId_key";
ALTER TABLE "CampaignRun" DROP COLUMN "workflowId";
