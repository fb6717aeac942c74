// read/root/authors-by-page-rank.count: authors that have a PageRank
MATCH (a:Author)
WHERE a.analyticsPageRank IS NOT NULL
RETURN count(a) AS total
