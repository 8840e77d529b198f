-- CreateTable
CREATE TABLE "ProviderBreaker" (
    "provider" "OAuthProvider" NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "probeUntil" TIMESTAMP(3),

    CONSTRAINT "ProviderBreaker_pkey" PRIMARY KEY ("provider")
);
