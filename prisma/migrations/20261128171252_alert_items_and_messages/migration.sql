-- CreateTable
CREATE TABLE "AlertItem" (
    "id" BIGSERIAL NOT NULL,
    "outboxId" BIGINT NOT NULL,
    "chatId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT,
    "groupKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "ingestedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "messageId" BIGINT,

    CONSTRAINT "AlertItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertMessage" (
    "id" BIGSERIAL NOT NULL,
    "chatId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "ingestedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertItem_messageId_dueAt_idx" ON "AlertItem"("messageId", "dueAt");

-- CreateIndex
CREATE INDEX "AlertItem_refId_idx" ON "AlertItem"("refId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertItem_outboxId_chatId_key" ON "AlertItem"("outboxId", "chatId");

-- CreateIndex
CREATE INDEX "AlertMessage_status_nextAttemptAt_idx" ON "AlertMessage"("status", "nextAttemptAt");
