// migrate/set-organization-keys: new name keys, by organization id.
UNWIND $keys AS key
MATCH (o:Organization {id: key.id})
SET o.nameKey = key.nameKey
