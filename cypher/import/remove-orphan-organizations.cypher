// import/remove-orphan-organizations: of the organizations an import unlinked from a paper
// (OrphanCandidate, import/write-paper-links), those known by name alone (`org:` ids) that no
// paper, author or unit names any more are removed: what an older importer made of a joined
// affiliation ("A, Paris, France+B, USA") once a re-import has linked the papers to A and B.
// Organizations no import unlinked are never looked at: one nothing names on purpose (a JSON
// document's, a registry's) stays. Units go before their institutions, which become candidates
// in turn: one pass per level, the caller repeats while something was removed, then clears the
// marks (import/clear-orphan-candidates).
MATCH (o:OrphanCandidate)
WHERE o.id STARTS WITH 'org:' AND o.ror IS NULL AND o.openalexId IS NULL
  AND NOT EXISTS { (o)<-[:FROM_ORGANIZATION]-(:Paper) }
  AND NOT EXISTS { (o)<-[:AFFILIATED_WITH]-(:Author) }
  AND NOT EXISTS { (o)<-[:PART_OF]-(:Organization) }
WITH o LIMIT 10000
CALL (o) {
  MATCH (o)-[:PART_OF]->(institution:Organization)
  SET institution:OrphanCandidate
}
DETACH DELETE o
RETURN count(*) AS removed
