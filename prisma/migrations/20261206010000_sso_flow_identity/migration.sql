-- AlterTable
ALTER TABLE "SsoFlow" ADD COLUMN     "identity" JSONB,
ADD COLUMN     "proofSessionId" TEXT;
