// analytics/start-run: records a new run (status running) unless another run is alive. A run is
// alive while its heartbeat (written after every step) is recent; a run whose process died is
// marked abandoned here. The lock node makes concurrent starts queue, so only one wins.
MERGE (lock:AnalyticsLock {id: 'coauthor-analytics'})
SET lock.takenAt = datetime()
WITH lock
OPTIONAL MATCH (stale:AnalyticsRun {status: 'running'})
WHERE stale.heartbeatAt < datetime() - duration({seconds: $staleAfterSeconds})
SET stale.status = 'failed', stale.error = 'abandoned: no heartbeat since ' + toString(stale.heartbeatAt), stale.finishedAt = datetime()
WITH count(stale) AS abandoned
OPTIONAL MATCH (alive:AnalyticsRun {status: 'running'})
WITH abandoned, alive ORDER BY alive.id LIMIT 1
OPTIONAL MATCH (previous:AnalyticsRun)
WITH alive, coalesce(max(previous.id), 0) + 1 AS next
CALL (alive, next) {
  WITH alive, next WHERE alive IS NULL
  CREATE (run:AnalyticsRun {
    id: next, status: 'running', startedAt: datetime(), heartbeatAt: datetime(),
    yearFrom: $parameters.yearFrom, yearTo: $parameters.yearTo, minSharedPapers: $parameters.minSharedPapers,
    maxAuthorsPerPaper: $parameters.maxAuthorsPerPaper, betweennessSamples: $parameters.betweennessSamples,
    randomSeed: $parameters.randomSeed, resolution: toFloat($parameters.resolution), stepNames: [], stepMillis: []
  })
  RETURN run.id AS started
  UNION
  WITH alive WHERE alive IS NOT NULL
  RETURN null AS started
}
RETURN started, alive.id AS busyWith
