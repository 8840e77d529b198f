-- Event reminders by e-mail: the offsets on each event, and one row per reminder queued.
-- AlterEnum
ALTER TYPE "MailKind" ADD VALUE 'REMINDER';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "reminders" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "eventId" TEXT NOT NULL,
    "occurrenceStart" TIMESTAMPTZ(3) NOT NULL,
    "minutesBefore" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("eventId","occurrenceStart","minutesBefore")
);

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
