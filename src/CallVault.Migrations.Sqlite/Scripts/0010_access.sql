-- API keys (only a hash is kept), dashboard users, and the audit trail of administrative actions.
CREATE TABLE "ApiKeys" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL COLLATE NOCASE,
    "Prefix" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL
);
CREATE UNIQUE INDEX "IX_ApiKeys_Name" ON "ApiKeys" ("Name");
CREATE UNIQUE INDEX "IX_ApiKeys_Prefix" ON "ApiKeys" ("Prefix");

CREATE TABLE "DashboardUsers" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL COLLATE NOCASE,
    "Role" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "FailedAttempts" INTEGER NOT NULL DEFAULT 0,
    "LockedUntil" TEXT NULL,
    "LastSignInAt" TEXT NULL,
    "SecurityStamp" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_DashboardUsers_Name" ON "DashboardUsers" ("Name");

CREATE TABLE "AdminAudits" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NULL,
    "ClientAddress" TEXT NULL,
    "UserAgent" TEXT NULL,
    "StatusCode" INTEGER NULL
);
CREATE INDEX "IX_AdminAudits_At" ON "AdminAudits" ("At" DESC, "Id" DESC);
