// read/root/analytics-runs.count
MATCH (r:AnalyticsRun)
RETURN count(r) AS total
