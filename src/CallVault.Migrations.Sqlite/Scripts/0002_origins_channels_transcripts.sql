-- Where a recording's audio comes from (twilio, vapi, upload), which channel is the agent,
-- what the provider already transcribed or summarised, and numbers kept in E.164.
ALTER TABLE "Recordings" ADD COLUMN "Origin" TEXT NOT NULL DEFAULT 'twilio';
ALTER TABLE "Recordings" ADD COLUMN "AgentChannel" INTEGER NULL;
ALTER TABLE "Recordings" ADD COLUMN "TranscriptEngine" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "TranscriptText" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "SummaryEngine" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "SummaryText" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "MatchAttempts" TEXT NULL;
CREATE INDEX "IX_Recordings_Unmatched" ON "Recordings" ("CallId") WHERE "CallId" IS NULL;
CREATE INDEX "IX_Calls_Direction_StartedAt" ON "Calls" ("Direction", "StartedAt");
