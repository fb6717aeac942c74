// read/root/analytics-runs: analytics runs, newest first
MATCH (r:AnalyticsRun)
// end of match (read/root/analytics-runs.count counts these rows)
WITH r, right('000000000' + toString(999999999 - r.id), 9) AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH r, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN toString(r.id) AS id, sortKey, r {.*, id: toString(r.id), startedAt: toString(r.startedAt), finishedAt: toString(r.finishedAt)} AS node
