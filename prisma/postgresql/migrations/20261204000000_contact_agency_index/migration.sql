-- DERIVED from prisma/migrations/20261204000000_contact_agency_index/migration.sql by scripts/derive-postgres.ts; do not edit.
-- CreateIndex
CREATE INDEX "Contact_agencyId_idx" ON "Contact"("agencyId");
