-- The board's cached aggregates are keyed by the newest change to any deadline
-- (max "updatedAt", src/stores/board.store.ts dataVersion): read from this index alone.
-- CreateIndex
CREATE INDEX "Deadline_updatedAt_idx" ON "Deadline"("updatedAt");
