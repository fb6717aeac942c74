// read/root/communities.count
CALL () {
  MATCH (r:AnalyticsRun {status: 'complete'})
  RETURN max(r.id) AS run
}
MATCH (c:Community {run: run})
WHERE c.size >= $minSize
RETURN count(c) AS total
