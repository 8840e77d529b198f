-- CreateEnum
CREATE TYPE "SsoProtocol" AS ENUM ('OIDC', 'SAML');

-- CreateEnum
CREATE TYPE "SsoDomainProof" AS ENUM ('DNS', 'MANUAL');

-- AlterEnum
ALTER TYPE "OAuthProvider" ADD VALUE 'SSO';

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "ssoConnectionId" TEXT;

-- AlterTable
ALTER TABLE "PendingSignup" ADD COLUMN     "ssoConnectionId" TEXT;

-- CreateTable
CREATE TABLE "SsoConnection" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "protocol" "SsoProtocol" NOT NULL,
    "settings" JSONB NOT NULL,
    "secret" TEXT,
    "ssoRequired" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SsoConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SsoDomain" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "verificationToken" TEXT NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3),
    "verifiedBy" TEXT,
    "verifiedMethod" "SsoDomainProof",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SsoFlow" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "codeVerifier" TEXT,
    "nonce" TEXT,
    "next" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoFlow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Account_ssoConnectionId_idx" ON "Account"("ssoConnectionId");

-- CreateIndex
CREATE UNIQUE INDEX "SsoDomain_domain_key" ON "SsoDomain"("domain");

-- CreateIndex
CREATE INDEX "SsoDomain_connectionId_idx" ON "SsoDomain"("connectionId");

-- CreateIndex
CREATE UNIQUE INDEX "SsoFlow_requestId_key" ON "SsoFlow"("requestId");

-- CreateIndex
CREATE INDEX "SsoFlow_expiresAt_idx" ON "SsoFlow"("expiresAt");

-- CreateIndex
CREATE INDEX "SsoFlow_connectionId_idx" ON "SsoFlow"("connectionId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_ssoConnectionId_fkey" FOREIGN KEY ("ssoConnectionId") REFERENCES "SsoConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingSignup" ADD CONSTRAINT "PendingSignup_ssoConnectionId_fkey" FOREIGN KEY ("ssoConnectionId") REFERENCES "SsoConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "SsoConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoFlow" ADD CONSTRAINT "SsoFlow_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "SsoConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
