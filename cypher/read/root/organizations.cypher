// read/root/organizations: every organization by name (with `search`: read/root/organizations-search)
MATCH (o:Organization)
// end of match (read/root/organizations.count counts these rows)
WITH o, o.nameKey + '|' + o.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH o, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN o.id AS id, sortKey, o {%Organization%} AS node
