// analytics/step-done: a step's time on the run, which is also its heartbeat
MATCH (run:AnalyticsRun {id: $run})
SET run.stepNames = run.stepNames + $step, run.stepMillis = run.stepMillis + $millis, run.heartbeatAt = datetime()
SET run += $facts
