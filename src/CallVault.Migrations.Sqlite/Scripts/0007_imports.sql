-- Backfill imports from a provider's recordings list: the import with its checkpoint, and a ledger
-- of every listed recording it handled (written with the recording, unique per import).
CREATE TABLE "Imports" (
    "Id" TEXT NOT NULL PRIMARY KEY,
    "Provider" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Found" INTEGER NOT NULL DEFAULT 0,
    "Imported" INTEGER NOT NULL DEFAULT 0,
    "Skipped" INTEGER NOT NULL DEFAULT 0,
    "Failed" INTEGER NOT NULL DEFAULT 0,
    "Pages" INTEGER NOT NULL DEFAULT 0,
    "NextPageUri" TEXT NULL,
    "JobId" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "RequestedBy" TEXT NULL
);
CREATE UNIQUE INDEX "IX_Imports_JobId" ON "Imports" ("JobId");
CREATE INDEX "IX_Imports_StartedAt" ON "Imports" ("StartedAt" DESC);

CREATE TABLE "ImportItems" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ImportId" TEXT NOT NULL REFERENCES "Imports" ("Id") ON DELETE CASCADE,
    "RecordingSid" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "At" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_ImportItems_ImportId_RecordingSid" ON "ImportItems" ("ImportId", "RecordingSid");
CREATE INDEX "IX_ImportItems_ImportId_Outcome" ON "ImportItems" ("ImportId", "Outcome");
