// read/root/topics: topics by name, optionally of one scheme
MATCH (t:Topic)
WHERE $scheme IS NULL OR t.scheme = $scheme
// end of match (read/root/topics.count counts these rows)
WITH t, toLower(t.name) + '|' + t.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH t, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN t.id AS id, sortKey, t {%Topic%} AS node
