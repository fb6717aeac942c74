// import/stale-authors: a chunk of the authors whose authorships a bulk import wrote since their
// summaries were last refreshed (the authorship statements mark them with StaleSummary, in the
// batch's own transaction, so a killed import leaves the marks and the next one finishes the job)
MATCH (a:StaleSummary)
RETURN a.id AS id
LIMIT $limit
