-- Starting a recording on a live call through the provider's REST API: what was asked, by which
-- job, where the provider should report, and the outcome (started, call-not-in-progress, failed).
ALTER TABLE "Calls" ADD COLUMN "RecordingStartStatus" text NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartDetail" text NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartRecordingSid" text NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartCallbackUrl" text NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartJobId" bigint NULL;
ALTER TABLE "Calls" ADD COLUMN "RecordingStartUpdatedAt" timestamptz NULL;
CREATE INDEX "IX_Calls_RecordingStartJobId" ON "Calls" ("RecordingStartJobId") WHERE "RecordingStartJobId" IS NOT NULL;
