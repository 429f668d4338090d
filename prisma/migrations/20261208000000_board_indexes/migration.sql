-- The board at scale (issue 12 item 7: 100,000 deadlines, 3,300 communes): filters, counts
-- and rates are SQL over these indexes (src/stores/board.store.ts, docs/PERFORMANCE.md).
-- CreateIndex
CREATE INDEX "Deadline_board_idx" ON "Deadline"("periodKey", "obligationId", "lastDay", "status", "extendedFrom", "escalationLevel");

-- CreateIndex
CREATE INDEX "Obligation_agencyId_idx" ON "Obligation"("agencyId");

-- CreateIndex
CREATE INDEX "Obligation_id_planId_agencyId_idx" ON "Obligation"("id", "planId", "agencyId");

-- CreateIndex
CREATE INDEX "Submission_deadlineId_submittedAt_idx" ON "Submission"("deadlineId", "submittedAt");

-- CreateIndex
CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");
