-- AlterTable
ALTER TABLE "SsoFlow" ADD COLUMN     "collectHash" TEXT,
ADD COLUMN     "identity" JSONB,
ADD COLUMN     "proofSessionId" TEXT;
