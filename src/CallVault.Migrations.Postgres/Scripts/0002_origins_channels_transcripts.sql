-- Where a recording's audio comes from (twilio, vapi, upload), which channel is the agent,
-- what the provider already transcribed or summarised, and numbers kept in E.164.
ALTER TABLE "Recordings" ADD COLUMN "Origin" text NOT NULL DEFAULT 'twilio';
ALTER TABLE "Recordings" ADD COLUMN "AgentChannel" integer NULL;
ALTER TABLE "Recordings" ADD COLUMN "TranscriptEngine" text NULL;
ALTER TABLE "Recordings" ADD COLUMN "TranscriptText" text NULL;
ALTER TABLE "Recordings" ADD COLUMN "SummaryEngine" text NULL;
ALTER TABLE "Recordings" ADD COLUMN "SummaryText" text NULL;
ALTER TABLE "Recordings" ADD COLUMN "MatchAttempts" text NULL;
CREATE INDEX "IX_Recordings_Unmatched" ON "Recordings" ("CallId") WHERE "CallId" IS NULL;
CREATE INDEX "IX_Calls_Direction_StartedAt" ON "Calls" ("Direction", "StartedAt");
