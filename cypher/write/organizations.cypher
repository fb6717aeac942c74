// write/organizations
UNWIND $organizations AS org
MERGE (o:Organization {id: org.id})
SET o.name = org.name, o.nameKey = org.nameKey
