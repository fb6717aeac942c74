// read/topics-by-ids
UNWIND $ids AS id
MATCH (t:Topic {id: id})
RETURN t {%Topic%} AS row
