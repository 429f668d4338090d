-- DERIVED from prisma/migrations/20261205000000_reply_by_email/migration.sql by scripts/derive-postgres.ts; do not edit.
-- CreateTable
CREATE TABLE "InboundReply" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "organisationId" TEXT,
    "deadlineId" TEXT,
    "fromAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "refused" TEXT NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "reasonDetail" TEXT,
    "status" TEXT NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rejectReason" TEXT,
    "receiptNumber" TEXT,

    CONSTRAINT "InboundReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplyAddress" (
    "handle" TEXT NOT NULL,
    "deadlineId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplyAddress_pkey" PRIMARY KEY ("handle")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundReply_messageId_key" ON "InboundReply"("messageId");

-- CreateIndex
CREATE INDEX "InboundReply_organisationId_status_receivedAt_idx" ON "InboundReply"("organisationId", "status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReplyAddress_deadlineId_key" ON "ReplyAddress"("deadlineId");

-- AddForeignKey
ALTER TABLE "InboundReply" ADD CONSTRAINT "InboundReply_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundReply" ADD CONSTRAINT "InboundReply_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyAddress" ADD CONSTRAINT "ReplyAddress_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
