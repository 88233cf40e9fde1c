-- khabar store, schema version 1.
CREATE TABLE articles (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    text_hash    TEXT,
    origin       TEXT,
    path         TEXT,
    url          TEXT,
    outlet       TEXT,
    lang         TEXT,
    title        TEXT,
    published    TEXT,
    event        TEXT,
    story        TEXT,
    duplicate_of TEXT,
    content_type TEXT NOT NULL,
    raw          TEXT NOT NULL,
    data         TEXT NOT NULL,  -- the Article as JSON, without raw
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_lang ON articles (lang);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_event ON articles (event);
CREATE INDEX articles_story ON articles (story);

-- Folded, clitic-aware index text (khabar.text.normalize.index_text); rowid = articles.rowid.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    story      TEXT,
    date       TEXT,
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_story ON events (story);
CREATE INDEX events_date ON events (date);

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE entities (
    id   TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL  -- variants seen, with language and count
);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    salience   REAL NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);

-- Per-outlet line counts for learning site chrome (khabar.text.clean).
CREATE TABLE outlet_lines (
    outlet TEXT NOT NULL,
    key    TEXT NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (outlet, key)
) WITHOUT ROWID;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
