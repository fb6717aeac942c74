// read/root/papers: all papers matching the filters, newest first
MATCH (p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($topicId IS NULL OR EXISTS { (p)-[:HAS_TOPIC]->(:Topic {id: $topicId}) })
  AND ($organizationId IS NULL OR EXISTS { (p)-[:FROM_ORGANIZATION]->(:Organization {id: $organizationId}) })
WITH p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE $after IS NULL OR sortKey < $after
RETURN p.id AS id, sortKey
ORDER BY sortKey DESC
LIMIT toInteger($limit)
