-- A claim takes the due job with the earliest RunAfter, then the lowest Id (the PostgreSQL twin explains
-- why the Id must be in the index). SQLite already ends every index with the rowid, which "Id" is; the
-- index is renamed so both databases name it the same.
CREATE INDEX "IX_Jobs_Claim_Order" ON "Jobs" ("State", "RunAfter", "Id");
DROP INDEX "IX_Jobs_Claim";
