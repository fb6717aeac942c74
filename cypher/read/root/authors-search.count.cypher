// read/root/authors-search.count
CALL db.index.fulltext.queryNodes('author_names', $search) YIELD node AS a
RETURN count(a) AS total
