-- Several instances on one database: every claim of a job and its end, written by triggers in the
-- claim's own statement (so no run can go unrecorded), and the leases that let one instance run each
-- piece of scheduled work per interval.
CREATE TABLE "JobAttempts" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "JobId" INTEGER NOT NULL REFERENCES "Jobs" ("Id") ON DELETE CASCADE,
    "Attempt" INTEGER NOT NULL,
    "Owner" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "Outcome" TEXT NULL
);
CREATE INDEX "IX_JobAttempts_JobId_StartedAt" ON "JobAttempts" ("JobId", "StartedAt");

-- A claim stamps a new owner: an attempt starts. A lease taken over from a dead worker leaves that
-- worker's attempt open (it never ended by itself).
CREATE TRIGGER "TR_Jobs_AttemptStarted" AFTER UPDATE OF "LeaseOwner" ON "Jobs"
WHEN NEW."LeaseOwner" IS NOT NULL AND OLD."LeaseOwner" IS NOT NEW."LeaseOwner"
BEGIN
    INSERT INTO "JobAttempts" ("JobId", "Attempt", "Owner", "StartedAt")
    VALUES (NEW."Id", NEW."Attempts", NEW."LeaseOwner", NEW."UpdatedAt");
END;

-- Completion, retry, dead letter or hand-back clear the owner: the attempt ends with the new state.
CREATE TRIGGER "TR_Jobs_AttemptEnded" AFTER UPDATE OF "LeaseOwner" ON "Jobs"
WHEN OLD."LeaseOwner" IS NOT NULL AND NEW."LeaseOwner" IS NULL
BEGIN
    UPDATE "JobAttempts" SET "EndedAt" = NEW."UpdatedAt", "Outcome" = NEW."State"
    WHERE "JobId" = OLD."Id" AND "Owner" = OLD."LeaseOwner" AND "EndedAt" IS NULL;
END;

CREATE TABLE "ScheduledLeases" (
    "Name" TEXT NOT NULL PRIMARY KEY,
    "Owner" TEXT NOT NULL,
    "AcquiredAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL
);
