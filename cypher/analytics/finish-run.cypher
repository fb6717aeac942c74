// analytics/finish-run: the run is complete; readers now serve it (the newest complete run)
MATCH (run:AnalyticsRun {id: $run})
SET run.status = 'complete', run.finishedAt = datetime(), run.heartbeatAt = datetime()
