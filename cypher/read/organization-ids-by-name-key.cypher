// read/organization-ids-by-name-key
UNWIND $nameKeys AS nameKey
MATCH (o:Organization {nameKey: nameKey})
WITH nameKey, o.id AS id
ORDER BY id
RETURN nameKey AS key, collect(id)[0..50] AS ids
