-- Transcript segments (start, end, channel, speaker, text) as a JSON array beside the plain text,
-- and full-text search over transcripts and summaries: a generated tsvector with a GIN index, so
-- every write path keeps it in sync. The 'simple' configuration: no stemming, any language.
ALTER TABLE "Recordings" ADD COLUMN "TranscriptSegments" text NULL;
ALTER TABLE "Recordings" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', coalesce("TranscriptText", '') || ' ' || coalesce("SummaryText", ''))) STORED;
CREATE INDEX "IX_Recordings_SearchVector" ON "Recordings" USING GIN ("SearchVector");
