-- DERIVED from prisma/migrations/20261202000000_submission_channel/migration.sql by scripts/derive-postgres.ts; do not edit.
-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "channel" TEXT;
