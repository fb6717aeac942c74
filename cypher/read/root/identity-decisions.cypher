// read/root/identity-decisions: every identity decision, newest first (then by id)
MATCH (d:IdentityDecision)
// end of match (read/root/identity-decisions.count counts these rows)
WITH d, right('0000000000000000' + toString(9999999999999999 - d.at.epochMillis), 16) + '|' + d.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH d, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
RETURN d.id AS id, sortKey, d {%IdentityDecision%} AS node
