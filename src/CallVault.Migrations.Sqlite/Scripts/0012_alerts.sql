-- Alerts raised by the service's own rules: one open row per rule and subject (de-duplication),
-- resolved in place; the delivery columns record what the alert webhook has been sent.
CREATE TABLE "Alerts" (
    "Id" TEXT NOT NULL PRIMARY KEY,
    "Rule" TEXT NOT NULL,
    "Subject" TEXT NOT NULL DEFAULT '',
    "Severity" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "Value" REAL NOT NULL,
    "Threshold" REAL NOT NULL,
    "RaisedAt" TEXT NOT NULL,
    "ResolvedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "RaiseSentAt" TEXT NULL,
    "ResolveSentAt" TEXT NULL,
    "DeliveryAttempts" INTEGER NOT NULL DEFAULT 0,
    "LastDeliveryError" TEXT NULL
);
CREATE UNIQUE INDEX "IX_Alerts_Rule_Subject" ON "Alerts" ("Rule", "Subject") WHERE "ResolvedAt" IS NULL;
CREATE INDEX "IX_Alerts_RaisedAt" ON "Alerts" ("RaisedAt");

-- Per-instance counts (store attempts and failures, signature failures) since the previous sample,
-- summed over the alert window across instances.
CREATE TABLE "OperationalSamples" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Instance" TEXT NOT NULL,
    "Signal" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    "RecordedAt" TEXT NOT NULL
);
CREATE INDEX "IX_OperationalSamples_Signal_RecordedAt" ON "OperationalSamples" ("Signal", "RecordedAt");
