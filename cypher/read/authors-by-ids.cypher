// read/authors-by-ids
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN a {.id, .name, .orcid, .openalexId, .openreviewId} AS row
