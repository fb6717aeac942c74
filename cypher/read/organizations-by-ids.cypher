// read/organizations-by-ids
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN o {%Organization%} AS row
