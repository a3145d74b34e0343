-- Every claim also looks for a job whose lease expired (its worker died). Walking the claim index's
-- running jobs for it read every running job on every claim; by expiry, the first entry answers. Only
-- a running job holds a lease, so the index holds only those.
CREATE INDEX "IX_Jobs_Lease_Expiry" ON "Jobs" ("LeaseExpiresAt") WHERE "LeaseExpiresAt" IS NOT NULL;
