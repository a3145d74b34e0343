-- Calls group their legs; a recording points at its call once matched.
CREATE TABLE "Calls" (
    "Id" TEXT NOT NULL PRIMARY KEY,
    "Provider" TEXT NOT NULL,
    "ProviderCallId" TEXT NOT NULL,
    "Direction" TEXT NULL,
    "From" TEXT NULL,
    "To" TEXT NULL,
    "Status" TEXT NULL,
    "StartedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "DurationSeconds" INTEGER NULL,
    "RecordingMissing" INTEGER NOT NULL DEFAULT 0,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_Calls_Provider_ProviderCallId" ON "Calls" ("Provider", "ProviderCallId");
CREATE INDEX "IX_Calls_StartedAt_Id" ON "Calls" ("StartedAt" DESC, "Id" DESC);
CREATE INDEX "IX_Calls_From" ON "Calls" ("From");
CREATE INDEX "IX_Calls_To" ON "Calls" ("To");

CREATE TABLE "CallLegs" (
    "Id" TEXT NOT NULL PRIMARY KEY,
    "CallId" TEXT NOT NULL REFERENCES "Calls" ("Id") ON DELETE CASCADE,
    "Provider" TEXT NOT NULL,
    "ProviderCallId" TEXT NOT NULL,
    "ParentProviderCallId" TEXT NULL,
    "Direction" TEXT NULL,
    "From" TEXT NULL,
    "To" TEXT NULL,
    "Status" TEXT NULL,
    "LastSequenceNumber" INTEGER NULL,
    "DurationSeconds" INTEGER NULL,
    "StartedAt" TEXT NULL,
    "EndedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_CallLegs_Provider_ProviderCallId" ON "CallLegs" ("Provider", "ProviderCallId");
CREATE INDEX "IX_CallLegs_CallId" ON "CallLegs" ("CallId");
CREATE INDEX "IX_CallLegs_ParentProviderCallId" ON "CallLegs" ("ParentProviderCallId");

CREATE TABLE "Recordings" (
    "Id" TEXT NOT NULL PRIMARY KEY,
    "CallId" TEXT NULL REFERENCES "Calls" ("Id") ON DELETE SET NULL,
    "Provider" TEXT NOT NULL,
    "ProviderRecordingId" TEXT NOT NULL,
    "ProviderCallId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ProviderStatus" TEXT NULL,
    "ProviderErrorCode" TEXT NULL,
    "Source" TEXT NULL,
    "Track" TEXT NULL,
    "MediaUrl" TEXT NULL,
    "ProviderChannels" INTEGER NULL,
    "ProviderDurationSeconds" REAL NULL,
    "StartedAt" TEXT NULL,
    "Channels" INTEGER NULL,
    "DurationSeconds" REAL NULL,
    "Format" TEXT NULL,
    "SizeBytes" INTEGER NULL,
    "Sha256" TEXT NULL,
    "StorageKey" TEXT NULL,
    "MatchMethod" TEXT NULL,
    "MatchDetail" TEXT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "StoredAt" TEXT NULL
);
CREATE UNIQUE INDEX "IX_Recordings_Provider_ProviderRecordingId" ON "Recordings" ("Provider", "ProviderRecordingId");
CREATE INDEX "IX_Recordings_CallId" ON "Recordings" ("CallId");
CREATE INDEX "IX_Recordings_CreatedAt_Id" ON "Recordings" ("CreatedAt" DESC, "Id" DESC);
CREATE INDEX "IX_Recordings_Status" ON "Recordings" ("Status");

CREATE TABLE "RecordingStages" (
    "RecordingId" TEXT NOT NULL REFERENCES "Recordings" ("Id") ON DELETE CASCADE,
    "Stage" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL DEFAULT 0,
    "LastError" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    PRIMARY KEY ("RecordingId", "Stage")
);

CREATE TABLE "InboundEvents" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Provider" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "DedupeKey" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_InboundEvents_DedupeKey" ON "InboundEvents" ("DedupeKey");

CREATE TABLE "Jobs" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "RecordingId" TEXT NULL REFERENCES "Recordings" ("Id") ON DELETE CASCADE,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL DEFAULT 0,
    "RunAfter" TEXT NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseExpiresAt" TEXT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
-- Claims look only at runnable rows.
CREATE INDEX "IX_Jobs_Claim" ON "Jobs" ("State", "RunAfter");
CREATE INDEX "IX_Jobs_RecordingId" ON "Jobs" ("RecordingId");
