// read/root/papers-search: papers by title with the filters of read/root/papers, ranked as
// src/domain/search.ts says: the exact title, then every word typed (the last as a prefix), then
// the other full-text hits; within a tier the more cited first (near ties of Lucene score in the
// third), then title, id. The candidates: the best filtered hits of a query needing every word and
// of one needing any, each capped at $candidates (the filters apply before the cap).
CALL () {
  CALL db.index.fulltext.queryNodes('paper_title_keys', $allWords) YIELD node AS p, score
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND ($topicId IS NULL OR EXISTS { (p)-[:HAS_TOPIC]->(:Topic {id: $topicId}) })
    AND ($organizationId IS NULL OR EXISTS { (p)-[:FROM_ORGANIZATION]->(:Organization {id: $organizationId}) })
  RETURN p, score
  LIMIT toInteger($candidates)
  UNION ALL
  CALL db.index.fulltext.queryNodes('paper_title_keys', $anyWord) YIELD node AS p, score
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND ($topicId IS NULL OR EXISTS { (p)-[:HAS_TOPIC]->(:Topic {id: $topicId}) })
    AND ($organizationId IS NULL OR EXISTS { (p)-[:FROM_ORGANIZATION]->(:Organization {id: $organizationId}) })
  RETURN p, score
  LIMIT toInteger($candidates)
}
WITH p, max(score) AS score
// end of match (read/root/papers-search.count counts these rows)
WITH p, score, split(p.titleKey, ' ') AS titleWords
WITH p, score, CASE
    WHEN p.titleKey = $key THEN 0
    WHEN all(word IN $words WHERE word IN titleWords) AND any(word IN titleWords WHERE word STARTS WITH $last) THEN 1
    ELSE 2
  END AS tier
// Prominence: the citation count the source reported, else the citations in the graph.
// Closeness (third tier only): Lucene scores in the same half point are a near tie, which prominence breaks.
WITH p, tier, CASE tier WHEN 2 THEN toInteger(score * 2) ELSE 0 END AS closeness, coalesce(p.citationCount, COUNT { (p)<-[:CITES]-() }) AS prominence
WITH p, toString(tier) + '|' + right('00000' + toString(99999 - closeness), 5) + '|' + right('000000000' + toString(999999999 - prominence), 9)
  + '|' + p.titleKey + '|' + p.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH p, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN p.id AS id, sortKey, p {%Paper%} AS node
