-- Reconciliation runs (provider vs database vs storage) kept for history, and the indexes their
-- sorted merge walks: recordings in storage-key order, and a point lookup by either key.
CREATE TABLE "Reconciliations" (
    "Id" uuid NOT NULL PRIMARY KEY,
    "Status" text NOT NULL,
    "Repair" text NOT NULL,
    "DeleteOrphans" boolean NOT NULL,
    "OrphanGraceSeconds" bigint NOT NULL,
    "ChecksumSample" integer NULL,
    "MissingMetadata" integer NOT NULL DEFAULT 0,
    "OrphanObjects" integer NOT NULL DEFAULT 0,
    "MissingObjects" integer NOT NULL DEFAULT 0,
    "ChecksumMismatches" integer NOT NULL DEFAULT 0,
    "InterruptedStores" integer NOT NULL DEFAULT 0,
    "Repaired" integer NOT NULL DEFAULT 0,
    "DeletedOrphans" integer NOT NULL DEFAULT 0,
    "Unrecoverable" integer NOT NULL DEFAULT 0,
    "ProviderListed" integer NOT NULL DEFAULT 0,
    "RecordingsScanned" integer NOT NULL DEFAULT 0,
    "ObjectsScanned" integer NOT NULL DEFAULT 0,
    "ChecksumsVerified" integer NOT NULL DEFAULT 0,
    "Findings" text NULL,
    "JobId" bigint NOT NULL,
    "StartedAt" timestamptz NOT NULL,
    "FinishedAt" timestamptz NULL,
    "LastError" text NULL,
    "RequestedBy" text NULL
);
CREATE UNIQUE INDEX "IX_Reconciliations_JobId" ON "Reconciliations" ("JobId");
CREATE INDEX "IX_Reconciliations_StartedAt" ON "Reconciliations" ("StartedAt" DESC);

-- Both key columns use the "C" collation (0001, 0005): byte order, as S3 lists keys and as SQLite compares.
CREATE INDEX "IX_Recordings_StorageKey" ON "Recordings" ("StorageKey") WHERE "StorageKey" IS NOT NULL;
CREATE INDEX "IX_Recordings_OriginalStorageKey" ON "Recordings" ("OriginalStorageKey") WHERE "OriginalStorageKey" IS NOT NULL;
