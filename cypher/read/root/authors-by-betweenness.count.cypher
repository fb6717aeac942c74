// read/root/authors-by-betweenness.count: authors that have a betweenness
MATCH (a:Author)
WHERE a.analyticsBetweenness IS NOT NULL
RETURN count(a) AS total
