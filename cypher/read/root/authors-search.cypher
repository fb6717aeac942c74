// read/root/authors-search: full-text name search, best match first, then by name
CALL db.index.fulltext.queryNodes('author_names', $search) YIELD node AS a, score
// end of match (read/root/authors-search.count counts these rows)
WITH a, right('000000000000' + toString(toInteger((1000.0 - score) * 1000000)), 12) + '|' + a.nameKey + '|' + a.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH a, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN a.id AS id, sortKey, a {%Author%} AS node
