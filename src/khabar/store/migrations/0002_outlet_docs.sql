-- Articles counted per outlet, so learned chrome can require a share of the outlet's articles.
CREATE TABLE outlet_docs (
    outlet TEXT PRIMARY KEY,
    count  INTEGER NOT NULL
) WITHOUT ROWID;
