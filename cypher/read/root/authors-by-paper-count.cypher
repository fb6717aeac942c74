// read/root/authors-by-paper-count: authors with the most papers first, then by id. No stored
// count to index: every author's degree is read (from Neo4j's counts, not by walking papers).
MATCH (a:Author)
// end of match (read/root/authors-by-paper-count.count counts these rows)
WITH a, COUNT { (a)-[:AUTHORED]->(:Paper) } AS paperCount
WITH a, right('000000000' + toString(999999999 - paperCount), 9) + '|' + a.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH a, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN a.id AS id, sortKey, a {%Author%} AS node
