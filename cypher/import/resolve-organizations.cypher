// import/resolve-organizations: the existing organization each reference names, if any: by its
// fixed id (generated graphs; such a reference is never matched by name), ROR, then OpenAlex
// id; else, for a reference without ROR, the one registry organization (`import ror`) one of
// whose names, labels, aliases or acronyms has the reference's name key (OrganizationAlias; a key
// several share, such as an acronym, matches none of them); else normalized name when exactly
// one organization without a conflicting id has it. nameMatches > 1 tells the caller the name is
// ambiguous.
UNWIND $refs AS ref
OPTIONAL MATCH (byFixedId:Organization {id: ref.id})
OPTIONAL MATCH (byRor:Organization {ror: ref.ror})
OPTIONAL MATCH (byOpenalex:Organization {openalexId: ref.openalexId})
CALL (ref) {
  OPTIONAL MATCH (o:Organization {nameKey: ref.nameKey}) USING INDEX o:Organization(nameKey)
  WHERE ref.id IS NULL AND (ref.ror IS NULL OR o.ror IS NULL) AND (ref.openalexId IS NULL OR o.openalexId IS NULL)
  RETURN collect(o.id) AS byName
}
CALL (ref) {
  OPTIONAL MATCH (:OrganizationAlias {nameKey: ref.nameKey})-[:ALIAS_OF]->(o:Organization)
  WHERE ref.id IS NULL AND ref.ror IS NULL AND (ref.openalexId IS NULL OR o.openalexId IS NULL)
  RETURN collect(DISTINCT o.id) AS byAlias
}
WITH ref, coalesce(byFixedId.id, byRor.id, byOpenalex.id) AS byId, byName, byAlias
RETURN ref.key AS key,
       coalesce(byId, CASE WHEN size(byAlias) = 1 THEN byAlias[0] END, CASE WHEN size(byName) = 1 THEN byName[0] END) AS id,
       byId IS NULL AS byNameOnly, size(byName + [aliased IN byAlias WHERE NOT aliased IN byName]) AS nameMatches
