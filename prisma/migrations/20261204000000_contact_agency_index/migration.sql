-- Every reminder reads the contacts of its agency; without this index each one scanned the
-- Contact table (issue 14: the cost grew with the number of agencies).
-- CreateIndex
CREATE INDEX "Contact_agencyId_idx" ON "Contact"("agencyId");
