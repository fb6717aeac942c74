// import/ror/name-only-joins: name-only organizations (`org:<name>`, no external id) whose name
// key exactly one registry organization has among its names, aliases, labels or acronyms: each
// becomes that organization (import/ror/merge-organizations). A key several share (an acronym
// such as MIT) joins nothing.
MATCH (from:Organization)
WHERE from.id STARTS WITH 'org:' AND from.ror IS NULL AND from.openalexId IS NULL
MATCH (:OrganizationAlias {nameKey: from.nameKey})-[:ALIAS_OF]->(into:Organization)
WITH from, collect(DISTINCT into) AS targets
WHERE size(targets) = 1
RETURN from.id AS fromId, targets[0].id AS intoId
