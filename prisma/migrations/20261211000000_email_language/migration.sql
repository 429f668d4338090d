-- Issue 12 item 6: emails in English for the contacts and users who chose it; Vietnamese by default.
-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'vi';

-- AlterTable
ALTER TABLE "User" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'vi';
