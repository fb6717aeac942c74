// read/root/communities: the served run's communities, largest first (then by number)
CALL () {
  MATCH (r:AnalyticsRun {status: 'complete'})
  RETURN max(r.id) AS run
}
MATCH (c:Community {run: run})
WHERE c.size >= $minSize
// end of match (read/root/communities.count counts these rows)
WITH c, right('000000000' + toString(999999999 - c.size), 9) + '|' + right('000000000' + toString(c.community), 9) AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH c, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN c.id AS id, sortKey, c {.*} AS node
