-- A claim takes the due job with the earliest RunAfter, then the lowest Id. Jobs queued together share
-- one RunAfter (a webhook batch, an import), and an index ending in RunAfter made every claim read and
-- sort all of them before locking the first: the claim rate fell as the backlog grew. With the Id in
-- the index, the first due row in index order is the one to take.
CREATE INDEX "IX_Jobs_Claim_Order" ON "Jobs" ("State", "RunAfter", "Id");
DROP INDEX "IX_Jobs_Claim";
