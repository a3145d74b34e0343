-- Reconciliation runs (provider vs database vs storage) kept for history, and the indexes their
-- sorted merge walks: recordings in storage-key order, and a point lookup by either key.
CREATE TABLE "Reconciliations" (
    "Id" TEXT NOT NULL PRIMARY KEY,
    "Status" TEXT NOT NULL,
    "Repair" TEXT NOT NULL,
    "DeleteOrphans" INTEGER NOT NULL,
    "OrphanGraceSeconds" INTEGER NOT NULL,
    "ChecksumSample" INTEGER NULL,
    "MissingMetadata" INTEGER NOT NULL DEFAULT 0,
    "OrphanObjects" INTEGER NOT NULL DEFAULT 0,
    "MissingObjects" INTEGER NOT NULL DEFAULT 0,
    "ChecksumMismatches" INTEGER NOT NULL DEFAULT 0,
    "InterruptedStores" INTEGER NOT NULL DEFAULT 0,
    "Repaired" INTEGER NOT NULL DEFAULT 0,
    "DeletedOrphans" INTEGER NOT NULL DEFAULT 0,
    "Unrecoverable" INTEGER NOT NULL DEFAULT 0,
    "ProviderListed" INTEGER NOT NULL DEFAULT 0,
    "RecordingsScanned" INTEGER NOT NULL DEFAULT 0,
    "ObjectsScanned" INTEGER NOT NULL DEFAULT 0,
    "ChecksumsVerified" INTEGER NOT NULL DEFAULT 0,
    "Findings" TEXT NULL,
    "JobId" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "LastError" TEXT NULL,
    "RequestedBy" TEXT NULL
);
CREATE UNIQUE INDEX "IX_Reconciliations_JobId" ON "Reconciliations" ("JobId");
CREATE INDEX "IX_Reconciliations_StartedAt" ON "Reconciliations" ("StartedAt" DESC);

CREATE INDEX "IX_Recordings_StorageKey" ON "Recordings" ("StorageKey") WHERE "StorageKey" IS NOT NULL;
CREATE INDEX "IX_Recordings_OriginalStorageKey" ON "Recordings" ("OriginalStorageKey") WHERE "OriginalStorageKey" IS NOT NULL;
