-- Every claim also looks for a job whose lease expired (its worker died). Walking the claim index's
-- 'Running' entries for it read every running job, and every entry a finished run left behind until
-- vacuum, on every claim; by expiry, the first entry answers. Only a running job holds a lease, so the
-- index holds only those (a finished run adds nothing to it).
CREATE INDEX "IX_Jobs_Lease_Expiry" ON "Jobs" ("LeaseExpiresAt") WHERE "LeaseExpiresAt" IS NOT NULL;
