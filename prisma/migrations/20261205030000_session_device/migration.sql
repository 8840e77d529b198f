-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "deviceHash" TEXT;
