// read/root/authors-search: authors by name, ranked as src/domain/search.ts says: the exact
// name, then every word typed (the last as a prefix), then the other full-text hits; within a
// tier the author with more papers first (near ties of Lucene score in the third), then name, id.
// The candidates: the best hits of a query needing every word and of one needing any (each capped
// at $candidates), so that tiers 1 and 2 are never crowded out by hits of one common word.
CALL () {
  CALL db.index.fulltext.queryNodes('author_name_keys', $allWords, {limit: toInteger($candidates)}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('author_name_keys', $anyWord, {limit: toInteger($candidates)}) YIELD node, score
  RETURN node, score
}
WITH node AS a, max(score) AS score
// end of match (read/root/authors-search.count counts these rows)
WITH a, score, split(a.nameKey, ' ') AS nameWords
WITH a, score, CASE
    WHEN a.nameKey = $key THEN 0
    WHEN all(word IN $words WHERE word IN nameWords) AND any(word IN nameWords WHERE word STARTS WITH $last) THEN 1
    ELSE 2
  END AS tier
// Prominence: the AUTHORED degree, read from the node's relationship counts (no stored figure to
// keep in step on import; cheap for the few hundred candidates).
// Closeness (third tier only): Lucene scores in the same half point are a near tie, which prominence breaks.
WITH a, tier, CASE tier WHEN 2 THEN toInteger(score * 2) ELSE 0 END AS closeness, COUNT { (a)-[:AUTHORED]->() } AS prominence
WITH a, toString(tier) + '|' + right('00000' + toString(99999 - closeness), 5) + '|' + right('000000000' + toString(999999999 - prominence), 9)
  + '|' + a.nameKey + '|' + a.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH a, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN a.id AS id, sortKey, a {%Author%} AS node
