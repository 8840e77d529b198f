-- AlterTable
ALTER TABLE "SsoFlow" ADD COLUMN     "identity" JSONB;
