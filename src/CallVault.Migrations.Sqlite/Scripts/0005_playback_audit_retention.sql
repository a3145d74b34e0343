-- Every audio fetch, who minted the URL, legal holds and retention deletes, and the service's own secrets.
CREATE TABLE "DownloadAudits" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "RecordingId" TEXT NOT NULL REFERENCES "Recordings" ("Id") ON DELETE CASCADE,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Via" TEXT NOT NULL,
    "ClientAddress" TEXT NULL,
    "UserAgent" TEXT NULL,
    "Range" TEXT NULL,
    "BytesSent" INTEGER NULL,
    "StatusCode" INTEGER NULL
);
CREATE INDEX "IX_DownloadAudits_RecordingId_Id" ON "DownloadAudits" ("RecordingId", "Id" DESC);

ALTER TABLE "Recordings" ADD COLUMN "LegalHold" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Recordings" ADD COLUMN "LegalHoldReason" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "LegalHoldBy" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "LegalHoldAt" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "DeletedAt" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "DeletedBy" TEXT NULL;
ALTER TABLE "Recordings" ADD COLUMN "OriginalStorageKey" TEXT NULL;
CREATE INDEX "IX_Recordings_Status_StoredAt" ON "Recordings" ("Status", "StoredAt");

CREATE TABLE "ServiceSecrets" (
    "Name" TEXT NOT NULL PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);
