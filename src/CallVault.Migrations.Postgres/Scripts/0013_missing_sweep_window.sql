-- The missing-recording sweep looks only at calls that ended since its previous run (less an overlap
-- for late reports): a range on the end time, from a watermark kept here across restarts.
CREATE INDEX "IX_Calls_EndedAt" ON "Calls" ("EndedAt") WHERE "EndedAt" IS NOT NULL;

CREATE TABLE "ScheduledWatermarks" (
    "Name" text NOT NULL PRIMARY KEY,
    "Value" timestamptz NOT NULL
);
