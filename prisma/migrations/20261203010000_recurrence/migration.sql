-- Repeating events: the series' rule, zone and cancelled occurrences; overrides point at their series.
ALTER TABLE "Event" ADD COLUMN "recurrence" TEXT,
ADD COLUMN "timeZone" TEXT,
ADD COLUMN "exdates" TIMESTAMPTZ(3)[] NOT NULL DEFAULT ARRAY[]::TIMESTAMPTZ(3)[],
ADD COLUMN "seriesId" TEXT,
ADD COLUMN "originalStartsAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "Event_seriesId_originalStartsAt_key" ON "Event"("seriesId", "originalStartsAt");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
