// read/root/papers: papers matching every filter given, newest first. The search starts
// from the topic or organization when one is given (a few thousand papers, not all of them).
CALL () {
  WITH $topicId AS topicId WHERE topicId IS NOT NULL
  MATCH (:Topic {id: topicId})<-[:HAS_TOPIC]-(p:Paper)
  RETURN p
  UNION
  WITH $topicId AS topicId, $organizationId AS organizationId WHERE topicId IS NULL AND organizationId IS NOT NULL
  MATCH (:Organization {id: organizationId})<-[:FROM_ORGANIZATION]-(p:Paper)
  RETURN p
  UNION
  WITH $topicId AS topicId, $organizationId AS organizationId WHERE topicId IS NULL AND organizationId IS NULL
  MATCH (p:Paper)
  RETURN p
}
WITH p
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($organizationId IS NULL OR EXISTS { (p)-[:FROM_ORGANIZATION]->(:Organization {id: $organizationId}) })
// end of match (read/root/papers.count counts these rows)
WITH p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE $after IS NULL OR sortKey < $after
WITH p, sortKey
ORDER BY sortKey DESC
LIMIT toInteger($limit)
RETURN p.id AS id, sortKey, p {%Paper%} AS node
