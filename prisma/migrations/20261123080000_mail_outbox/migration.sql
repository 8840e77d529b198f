-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('VERIFY_EMAIL', 'PASSWORD_RESET', 'NEW_DEVICE', 'ALREADY_REGISTERED');

-- CreateTable
CREATE TABLE "MailIntent" (
    "id" TEXT NOT NULL,
    "kind" "MailKind" NOT NULL,
    "address" TEXT NOT NULL,
    "userId" TEXT,
    "details" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "gaveUpAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailIntent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MailIntent_sentAt_nextAttemptAt_idx" ON "MailIntent"("sentAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MailIntent_userId_kind_idx" ON "MailIntent"("userId", "kind");

-- AddForeignKey
ALTER TABLE "MailIntent" ADD CONSTRAINT "MailIntent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
