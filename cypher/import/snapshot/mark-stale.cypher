// import/snapshot/mark-stale: authors whose authorships a merge changed get their summaries
// refreshed at the end of the sync (import/refresh-authors)
UNWIND $authorIds AS authorId
MATCH (a:Author {id: authorId})
SET a:StaleSummary
