// read/analytics/runs-by-ids: analytics runs by number (as strings, as DataLoader keys are)
UNWIND $ids AS id
MATCH (r:AnalyticsRun {id: toInteger(id)})
RETURN r {.*, id: toString(r.id), startedAt: toString(r.startedAt), finishedAt: toString(r.finishedAt)} AS row
