// analytics/fail-run: the run stopped with an error; earlier results stay served
MATCH (run:AnalyticsRun {id: $run})
SET run.status = 'failed', run.error = $error, run.finishedAt = datetime()
