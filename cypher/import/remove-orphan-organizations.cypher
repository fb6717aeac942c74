// import/remove-orphan-organizations: organizations known by name alone (`org:` ids) that no
// paper, author or unit names any more are removed: what an older importer made of a joined
// affiliation ("A, Paris, France+B, USA") once a re-import has linked the papers to A and B.
// Units go before their institutions (a unit's institution has a unit until then): one pass
// per level, the caller repeats while something was removed.
MATCH (o:Organization)
WHERE o.id STARTS WITH 'org:' AND o.ror IS NULL AND o.openalexId IS NULL
  AND NOT EXISTS { (o)<-[:FROM_ORGANIZATION]-(:Paper) }
  AND NOT EXISTS { (o)<-[:AFFILIATED_WITH]-(:Author) }
  AND NOT EXISTS { (o)<-[:PART_OF]-(:Organization) }
WITH o LIMIT 10000
DETACH DELETE o
RETURN count(*) AS removed
