// read/root/papers.count
MATCH (p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($topicId IS NULL OR EXISTS { (p)-[:HAS_TOPIC]->(:Topic {id: $topicId}) })
  AND ($organizationId IS NULL OR EXISTS { (p)-[:FROM_ORGANIZATION]->(:Organization {id: $organizationId}) })
RETURN count(p) AS total
