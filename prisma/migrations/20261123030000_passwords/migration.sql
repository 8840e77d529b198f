-- AlterEnum
ALTER TYPE "SecurityEventType" ADD VALUE 'PASSWORD_RESET';
ALTER TYPE "SecurityEventType" ADD VALUE 'PASSWORD_CHANGED';
ALTER TYPE "SecurityEventType" ADD VALUE 'ACCOUNT_SECURED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);
