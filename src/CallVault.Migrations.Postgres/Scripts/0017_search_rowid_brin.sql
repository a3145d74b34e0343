-- Search reads the newest matches in slices of "RowId" (newest first). A slice's matches are found by ANDing the
-- GIN index with this BRIN index, so only the heap pages holding them are read. RowIds are given in insertion
-- order, so they follow the heap and a block range summary is tight; the index is a few pages even at a million rows.
CREATE INDEX "IX_RecordingSearch_RowId" ON "RecordingSearch" USING brin ("RowId");
