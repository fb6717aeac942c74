// import/all-stale-authors: every author marked for the summary refresh (see stale-authors), read
// once and streamed, for a refresh that runs several chunks at once (the bulk load's)
MATCH (a:StaleSummary)
RETURN a.id AS id
