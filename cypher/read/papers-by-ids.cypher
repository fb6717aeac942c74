// read/papers-by-ids
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p {.id, .title, .year, publishedOn: toString(p.publishedOn)} AS paper
