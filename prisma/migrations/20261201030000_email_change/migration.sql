-- AlterEnum
ALTER TYPE "SecurityEventType" ADD VALUE 'EMAIL_CHANGED';
ALTER TYPE "SecurityEventType" ADD VALUE 'EMAIL_CHANGE_REVERTED';

-- AlterEnum
ALTER TYPE "MailKind" ADD VALUE 'EMAIL_CHANGE_CONFIRM';
ALTER TYPE "MailKind" ADD VALUE 'EMAIL_CHANGED_NOTICE';
ALTER TYPE "MailKind" ADD VALUE 'EMAIL_IN_USE';

-- CreateTable
CREATE TABLE "EmailChange" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "oldEmail" TEXT NOT NULL,
    "newEmail" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "revertibleUntil" TIMESTAMP(3),
    "revertedAt" TIMESTAMP(3),

    CONSTRAINT "EmailChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailChange_userId_createdAt_idx" ON "EmailChange"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "EmailChange" ADD CONSTRAINT "EmailChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
