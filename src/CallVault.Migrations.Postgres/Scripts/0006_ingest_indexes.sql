-- Ingestion looks up recordings still waiting for their leg on every call status callback.
CREATE INDEX "IX_Recordings_Waiting" ON "Recordings" ("Provider", "ProviderCallId") WHERE "CallId" IS NULL;
