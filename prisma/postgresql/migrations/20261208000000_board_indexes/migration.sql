-- DERIVED from prisma/migrations/20261208000000_board_indexes/migration.sql by scripts/derive-postgres.ts; do not edit.
-- CreateIndex
CREATE INDEX "Deadline_board_idx" ON "Deadline"("periodKey", "obligationId", "lastDay", "status", "extendedFrom", "escalationLevel");

-- CreateIndex
CREATE INDEX "Obligation_id_planId_agencyId_idx" ON "Obligation"("id", "planId", "agencyId");

-- CreateIndex
CREATE INDEX "Obligation_agencyId_idx" ON "Obligation"("agencyId");

-- CreateIndex
CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");

-- CreateIndex
CREATE INDEX "Submission_deadlineId_submittedAt_idx" ON "Submission"("deadlineId", "submittedAt");
