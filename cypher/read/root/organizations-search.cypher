// read/root/organizations-search: organizations by name, ranked as src/domain/search.ts says: the
// exact name ("Stanford University" before "Department of CS, Stanford University"), then every
// word typed (the last as a prefix), then the other full-text hits; within a tier the one on more
// papers first (near ties of Lucene score in the third), then name, id. The candidates: the best
// hits of a query needing every word and of one needing any, each capped at $candidates.
CALL () {
  CALL db.index.fulltext.queryNodes('organization_name_keys', $allWords, {limit: toInteger($candidates)}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('organization_name_keys', $anyWord, {limit: toInteger($candidates)}) YIELD node, score
  RETURN node, score
}
WITH node AS o, max(score) AS score
// end of match (read/root/organizations-search.count counts these rows)
WITH o, score, split(o.nameKey, ' ') AS nameWords
WITH o, score, CASE
    WHEN o.nameKey = $key THEN 0
    WHEN all(word IN $words WHERE word IN nameWords) AND any(word IN nameWords WHERE word STARTS WITH $last) THEN 1
    ELSE 2
  END AS tier
// Prominence: the FROM_ORGANIZATION degree, counted here for the capped candidates rather than
// stored: a stored count would have to follow every import, merge and re-parse of affiliations,
// and Neo4j reads a node's degree without walking its papers.
// Closeness (third tier only): Lucene scores in the same half point are a near tie, which prominence breaks.
WITH o, tier, CASE tier WHEN 2 THEN toInteger(score * 2) ELSE 0 END AS closeness, COUNT { (o)<-[:FROM_ORGANIZATION]-() } AS prominence
WITH o, toString(tier) + '|' + right('00000' + toString(99999 - closeness), 5) + '|' + right('000000000' + toString(999999999 - prominence), 9)
  + '|' + o.nameKey + '|' + o.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH o, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN o.id AS id, sortKey, o {%Organization%} AS node
