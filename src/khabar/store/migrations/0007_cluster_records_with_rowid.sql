-- The clusterer's records in a rowid table: a record of 1 to 4 KiB (an article's or event's JSON, a MinHash
-- signature) fits in its table page there, while a WITHOUT ROWID table keeps about 1 KiB of a row in the page
-- and spills the rest to an overflow page of its own: on 31,030 articles 83,117 overflow pages held 124 MB of
-- records and 216 MB of unused space, and every record read or written touched two pages instead of one.
CREATE TABLE cluster_records_rowid (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key  TEXT NOT NULL,
    seq  INTEGER NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (kind, key)
);
INSERT INTO cluster_records_rowid (kind, key, seq, data)
    SELECT kind, key, seq, data FROM cluster_records ORDER BY kind, seq;
DROP TABLE cluster_records;
ALTER TABLE cluster_records_rowid RENAME TO cluster_records;
CREATE INDEX cluster_records_seq ON cluster_records (kind, seq);
