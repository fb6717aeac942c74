// read/analytics/communities-by-ids: communities by id ("<run>:<number>")
UNWIND $ids AS id
MATCH (c:Community {id: id})
RETURN c {.*} AS row
