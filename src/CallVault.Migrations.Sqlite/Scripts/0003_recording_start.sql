-- Starting a recording on a live call through the provider's REST API: what was asked, by which
-- job, where the provider should report, and the outcome (started, call-not-in-progress, failed).
ALTER TABLE "Calls" ADD COLUMN "RecordingStartStatus" TEXT NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartDetail" TEXT NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartRecordingSid" TEXT NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartCallbackUrl" TEXT NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartJobId" INTEGER NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartUpdatedAt" TEXT NULL;
CREATE INDEX "IX_Calls_RecordingStartJobId" ON "Calls" ("RecordingStartJobId") WHERE "RecordingStartJobId" IS NOT NULL;
