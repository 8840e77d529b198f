-- AlterTable
ALTER TABLE "User" ADD COLUMN     "holidayCountry" TEXT DEFAULT 'KR';
