// read/analytics/served-run: the number of the newest complete run, the one readers serve
MATCH (r:AnalyticsRun {status: 'complete'})
RETURN toString(max(r.id)) AS id
