// import/mark-stale-authors: authors whose summaries (AFFILIATED_WITH, display name) a bulk import
// will recompute once at its end (import/refresh-authors), instead of in every batch that names
// them. The mark is written in the batch's own transaction, so a killed import leaves it behind
// and the next one finishes the job.
UNWIND $authorIds AS authorId
MATCH (a:Author {id: authorId})
SET a:StaleSummary
