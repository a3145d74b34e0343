-- Transcript segments (start, end, channel, speaker, text) as a JSON array beside the plain text,
-- and full-text search over transcripts and summaries (FTS5), kept in sync by triggers so every
-- write path (EF, the ingestion fast path, the provider's own text) is indexed the same way.
ALTER TABLE "Recordings" ADD COLUMN "TranscriptSegments" TEXT NULL;

-- A stable integer key per recording for the FTS rowid (implicit rowids may change on VACUUM).
CREATE TABLE "RecordingSearchRows" (
    "RowId" INTEGER NOT NULL PRIMARY KEY,
    "RecordingId" TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE "RecordingSearch" USING fts5("Transcript", "Summary", tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "TR_Recordings_Search_Insert" AFTER INSERT ON "Recordings"
WHEN NEW."TranscriptText" IS NOT NULL OR NEW."SummaryText" IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO "RecordingSearchRows" ("RecordingId") VALUES (NEW."Id");
    INSERT INTO "RecordingSearch" ("rowid", "Transcript", "Summary")
        SELECT "RowId", NEW."TranscriptText", NEW."SummaryText" FROM "RecordingSearchRows" WHERE "RecordingId" = NEW."Id";
END;

CREATE TRIGGER "TR_Recordings_Search_Update" AFTER UPDATE OF "TranscriptText", "SummaryText" ON "Recordings"
BEGIN
    DELETE FROM "RecordingSearch" WHERE "rowid" = (SELECT "RowId" FROM "RecordingSearchRows" WHERE "RecordingId" = OLD."Id");
    INSERT OR IGNORE INTO "RecordingSearchRows" ("RecordingId") VALUES (NEW."Id");
    INSERT INTO "RecordingSearch" ("rowid", "Transcript", "Summary")
        SELECT "RowId", NEW."TranscriptText", NEW."SummaryText" FROM "RecordingSearchRows" WHERE "RecordingId" = NEW."Id";
END;

CREATE TRIGGER "TR_Recordings_Search_Delete" AFTER DELETE ON "Recordings"
BEGIN
    DELETE FROM "RecordingSearch" WHERE "rowid" = (SELECT "RowId" FROM "RecordingSearchRows" WHERE "RecordingId" = OLD."Id");
    DELETE FROM "RecordingSearchRows" WHERE "RecordingId" = OLD."Id";
END;

-- Text the provider already sent (Vapi) becomes searchable too.
INSERT INTO "RecordingSearchRows" ("RecordingId")
    SELECT "Id" FROM "Recordings" WHERE "TranscriptText" IS NOT NULL OR "SummaryText" IS NOT NULL;
INSERT INTO "RecordingSearch" ("rowid", "Transcript", "Summary")
    SELECT k."RowId", r."TranscriptText", r."SummaryText"
    FROM "RecordingSearchRows" k JOIN "Recordings" r ON r."Id" = k."RecordingId";
