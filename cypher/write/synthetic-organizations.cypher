// write/synthetic-organizations
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = row.name, o.nameKey = row.nameKey, o.ror = row.ror, o.country = row.country
