// read/root/papers-search: full-text title search with the same filters, best match first.
// The sort key inverts the score so that one ascending string order gives best-first.
CALL db.index.fulltext.queryNodes('paper_titles', $search) YIELD node AS p, score
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($topicId IS NULL OR EXISTS { (p)-[:HAS_TOPIC]->(:Topic {id: $topicId}) })
  AND ($organizationId IS NULL OR EXISTS { (p)-[:FROM_ORGANIZATION]->(:Organization {id: $organizationId}) })
// end of match (read/root/papers-search.count counts these rows)
WITH p, right('000000000000' + toString(toInteger((1000.0 - score) * 1000000)), 12) + '|' + p.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH p, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN p.id AS id, sortKey, p {%Paper%} AS node
