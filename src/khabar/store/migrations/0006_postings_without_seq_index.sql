-- A posting list is read newest first from its own rows (the primary key finds them), not through an index
-- on (key, seq): every posting a flush writes or touches no longer rewrites a page of that index too.
DROP INDEX cluster_postings_seq;
