// read/topics-by-ids
UNWIND $ids AS id
MATCH (t:Topic {id: id})
RETURN t {.id, .name, .code, .scheme} AS row
