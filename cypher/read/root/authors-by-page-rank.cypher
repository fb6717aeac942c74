// read/root/authors-by-page-rank: authors by PageRank (from the analytics), highest first, then by id.
// The cursor is "<score>|<id>"; the range condition on the score reads the author_analytics_page_rank index in
// order, so a page costs its own rows rather than a sort of every author.
WITH CASE WHEN $after IS NULL THEN 1.0e308 ELSE toFloat(split($after, '|')[0]) END AS bound,
     CASE WHEN $after IS NULL THEN '' ELSE substring($after, size(split($after, '|')[0]) + 1) END AS afterId
MATCH (a:Author)
WHERE a.analyticsPageRank <= bound AND (a.analyticsPageRank < bound OR a.id > afterId)
WITH a
ORDER BY a.analyticsPageRank DESC, a.id
LIMIT toInteger($limit)
RETURN a.id AS id, toString(a.analyticsPageRank) + '|' + a.id AS sortKey, a {%Author%} AS node
