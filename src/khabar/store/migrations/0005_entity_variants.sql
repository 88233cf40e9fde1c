-- An entity's spellings in their own table, counted by an upsert: storing an article no longer reads and
-- rewrites the JSON of every entity it mentions (a cost that grew with each entity's variants).
CREATE TABLE entity_variants (
    entity_id TEXT NOT NULL,
    text      TEXT NOT NULL,
    lang      TEXT,           -- the language of the first article with this spelling
    count     INTEGER NOT NULL,
    PRIMARY KEY (entity_id, text)
) WITHOUT ROWID;
INSERT INTO entity_variants (entity_id, text, lang, count)
    SELECT e.id, v.key, json_extract(v.value, '$.lang'), json_extract(v.value, '$.count')
    FROM entities e, json_each(e.data, '$.variants') v;
ALTER TABLE entities DROP COLUMN data;
CREATE INDEX entity_variants_lang ON entity_variants (lang, entity_id);
