-- PostgreSQL moves its search vectors to a narrow "RecordingSearch" table so that search can rank the
-- newest matches cheaply. SQLite already has that shape (FTS5 "RecordingSearch", rowids from
-- "RecordingSearchRows", migration 0009): nothing to change here; the script keeps the numbering the same.
SELECT 1;
