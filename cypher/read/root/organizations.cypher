// read/root/organizations: organizations by name, optionally those whose name contains a text
MATCH (o:Organization)
WHERE $searchKey IS NULL OR o.nameKey CONTAINS $searchKey
// end of match (read/root/organizations.count counts these rows)
WITH o, o.nameKey + '|' + o.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH o, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN o.id AS id, sortKey, o {%Organization%} AS node
