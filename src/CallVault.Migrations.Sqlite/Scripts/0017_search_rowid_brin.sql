-- PostgreSQL adds a BRIN index on its search table's RowId so that search can read its newest matches in slices.
-- SQLite's FTS5 walks its doclists backwards from the newest rowid already: nothing to change here; the script
-- keeps the numbering the same.
SELECT 1;
