-- AlterEnum
ALTER TYPE "SecurityEventType" ADD VALUE 'REAUTHENTICATED';

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "reauthenticatedAt" TIMESTAMP(3);
