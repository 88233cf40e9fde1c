-- A posting list is read newest first from its own rows (the primary key finds them), not through an index
-- on (key, seq): every posting a flush writes or touches no longer rewrites a page of that index too.
DROP INDEX cluster_postings_seq;
-- The last seq given is kept as a counter, saved with each flush, instead of a max over the postings.
INSERT OR REPLACE INTO cluster_counters (name, value)
    SELECT 'state:seq', coalesce(max(s), 0)
    FROM (SELECT max(seq) AS s FROM cluster_records UNION ALL SELECT max(seq) FROM cluster_postings);
