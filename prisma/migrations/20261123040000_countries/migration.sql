-- AlterTable
ALTER TABLE "SecurityEvent" ADD COLUMN     "country" TEXT,
ADD COLUMN     "newCountry" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "country" TEXT;
