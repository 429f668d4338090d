-- DERIVED from prisma/migrations/20261210000000_board_data_version/migration.sql by scripts/derive-postgres.ts; do not edit.
-- CreateIndex
CREATE INDEX "Deadline_updatedAt_idx" ON "Deadline"("updatedAt");
