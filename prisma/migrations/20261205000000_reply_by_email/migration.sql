-- Reply by email (issue 11 item 2): the handle a reply token names, and every reply received,
-- recorded at once or waiting in the coordinators' review queue (src/services/inbound-replies.ts).
-- CreateTable
CREATE TABLE "ReplyAddress" (
    "handle" TEXT NOT NULL PRIMARY KEY,
    "deadlineId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ReplyAddress_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InboundReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
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
    "decidedAt" DATETIME,
    "rejectReason" TEXT,
    "receiptNumber" TEXT,
    CONSTRAINT "InboundReply_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InboundReply_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReplyAddress_deadlineId_key" ON "ReplyAddress"("deadlineId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundReply_messageId_key" ON "InboundReply"("messageId");

-- CreateIndex
CREATE INDEX "InboundReply_organisationId_status_receivedAt_idx" ON "InboundReply"("organisationId", "status", "receivedAt");


