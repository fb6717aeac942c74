// import/ror/write-organizations: a ROR record's organization, the one node with its ROR id
// (an OpenAlex institution that gave it keeps its id), else a new `ror:<id>` node; the registry's
// names replace what earlier sources said. Each name key leads to it through an
// (:OrganizationAlias {nameKey})-[:ALIAS_OF]->(:Organization), the indexed form of `aliasKeys`
// (a list property's elements cannot be indexed); keys the record no longer gives stop leading to it.
UNWIND $organizations AS row
OPTIONAL MATCH (existing:Organization {ror: row.ror})
CALL (row, existing) {
  WITH row WHERE existing IS NULL
  MERGE (created:Organization {id: row.id})
  RETURN created AS o, true AS isNew
  UNION
  WITH existing WHERE existing IS NOT NULL
  RETURN existing AS o, false AS isNew
}
SET o.ror = row.ror, o.name = row.name, o.nameKey = row.nameKey,
    o.country = coalesce(row.country, o.country), o.city = row.city, o.types = row.types,
    o.aliases = row.aliases, o.acronyms = row.acronyms, o.aliasKeys = row.aliasKeys,
    o.rorStatus = row.status, o.established = row.established, o.links = row.links, o.rorHash = row.hash
WITH o, row, isNew
CALL (o, row) {
  MATCH (alias:OrganizationAlias)-[old:ALIAS_OF]->(o)
  WHERE NOT alias.nameKey IN row.aliasKeys
  DELETE old
  WITH alias
  WHERE NOT EXISTS { (alias)-[:ALIAS_OF]->() }
  DELETE alias
}
CALL (o, row) {
  UNWIND row.aliasKeys AS nameKey
  MERGE (alias:OrganizationAlias {nameKey: nameKey})
  MERGE (alias)-[:ALIAS_OF]->(o)
}
RETURN count(CASE WHEN isNew THEN 1 END) AS created
