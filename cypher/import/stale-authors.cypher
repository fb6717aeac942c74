// import/stale-authors: a chunk of the authors marked by import/mark-stale-authors
MATCH (a:StaleSummary)
RETURN a.id AS id
LIMIT $limit
