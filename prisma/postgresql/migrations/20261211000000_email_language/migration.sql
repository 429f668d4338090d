-- DERIVED from prisma/migrations/20261211000000_email_language/migration.sql by scripts/derive-postgres.ts; do not edit.
-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'vi';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'vi';
