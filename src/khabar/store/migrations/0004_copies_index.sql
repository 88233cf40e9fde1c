-- The copies, so flattening copy chains after a clustering batch reads the copies, not every article.
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
