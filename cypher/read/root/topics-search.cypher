// read/root/topics-search: topics by name, optionally of one scheme, ranked as
// src/domain/search.ts says: the exact name, then every word typed (the last as a prefix), then
// the other full-text hits; within a tier the topic of more papers first (near ties of Lucene
// score in the third), then name, id. Topics carry no normalized key: their name lower-cased and
// split at spaces stands for one (the index, topic_names, folds accents and punctuation itself).
// The candidates: the best hits of a query needing every word and of one needing any, each
// capped at $candidates (the scheme applies before the cap).
CALL () {
  CALL db.index.fulltext.queryNodes('topic_names', $allWords) YIELD node AS t, score
  WHERE $scheme IS NULL OR t.scheme = $scheme
  RETURN t, score
  LIMIT toInteger($candidates)
  UNION ALL
  CALL db.index.fulltext.queryNodes('topic_names', $anyWord) YIELD node AS t, score
  WHERE $scheme IS NULL OR t.scheme = $scheme
  RETURN t, score
  LIMIT toInteger($candidates)
}
WITH t, max(score) AS score
// end of match (read/root/topics-search.count counts these rows)
WITH t, score, toLower(t.name) AS nameKey
WITH t, score, nameKey, split(nameKey, ' ') AS nameWords
WITH t, score, nameKey, CASE
    WHEN nameKey = $key THEN 0
    WHEN all(word IN $words WHERE word IN nameWords) AND any(word IN nameWords WHERE word STARTS WITH $last) THEN 1
    ELSE 2
  END AS tier
// Prominence: the HAS_TOPIC degree (as for organizations: read, not stored).
// Closeness (third tier only): Lucene scores in the same half point are a near tie, which prominence breaks.
WITH t, nameKey, tier, CASE tier WHEN 2 THEN toInteger(score * 2) ELSE 0 END AS closeness, COUNT { (t)<-[:HAS_TOPIC]-() } AS prominence
WITH t, toString(tier) + '|' + right('00000' + toString(99999 - closeness), 5) + '|' + right('000000000' + toString(999999999 - prominence), 9)
  + '|' + nameKey + '|' + t.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH t, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN t.id AS id, sortKey, t {%Topic%} AS node
