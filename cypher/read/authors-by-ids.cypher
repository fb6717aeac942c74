// read/authors-by-ids
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN a {%Author%} AS row
