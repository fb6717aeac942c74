// import/resolve-organizations: the existing organization each reference names, if any: by its
// fixed id (generated graphs; such a reference is never matched by name), ROR, then OpenAlex
// id, then normalized name when exactly one organization without a conflicting
// id has it. nameMatches > 1 tells the caller the name is ambiguous.
UNWIND $refs AS ref
OPTIONAL MATCH (byFixedId:Organization {id: ref.id})
OPTIONAL MATCH (byRor:Organization {ror: ref.ror})
OPTIONAL MATCH (byOpenalex:Organization {openalexId: ref.openalexId})
CALL (ref) {
  OPTIONAL MATCH (o:Organization {nameKey: ref.nameKey}) USING INDEX o:Organization(nameKey)
  WHERE ref.id IS NULL AND (ref.ror IS NULL OR o.ror IS NULL) AND (ref.openalexId IS NULL OR o.openalexId IS NULL)
  RETURN collect(o.id) AS byName
}
WITH ref, coalesce(byFixedId.id, byRor.id, byOpenalex.id) AS byId, byName
RETURN ref.key AS key, coalesce(byId, CASE WHEN size(byName) = 1 THEN byName[0] END) AS id,
       byId IS NULL AS byNameOnly, size(byName) AS nameMatches
