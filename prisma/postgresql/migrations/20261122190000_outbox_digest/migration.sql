-- DERIVED from prisma/migrations/20261122190000_outbox_digest/migration.sql by scripts/derive-postgres.ts; do not edit.
-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "batchKey" TEXT,
ADD COLUMN     "digestKey" TEXT,
ADD COLUMN     "payload" TEXT NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "OutboxMessage_digestKey_status_idx" ON "OutboxMessage"("digestKey", "status");
