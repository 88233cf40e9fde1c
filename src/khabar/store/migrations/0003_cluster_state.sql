-- The clusterer's persistent state (khabar.cluster.state.ClusterState): records, posting lists, counters.
CREATE TABLE cluster_records (
    kind TEXT NOT NULL,
    key  TEXT NOT NULL,
    seq  INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX cluster_records_seq ON cluster_records (kind, seq);

CREATE TABLE cluster_postings (
    key  TEXT NOT NULL,
    item TEXT NOT NULL,
    seq  INTEGER NOT NULL,
    PRIMARY KEY (key, item)
) WITHOUT ROWID;
CREATE INDEX cluster_postings_seq ON cluster_postings (key, seq);

CREATE TABLE cluster_counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
