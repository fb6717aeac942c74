// read/papers-by-ids
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p {%Paper%} AS row
