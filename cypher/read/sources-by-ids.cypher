// read/sources-by-ids
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .kind, .name} AS row
