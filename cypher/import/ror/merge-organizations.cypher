// import/ror/merge-organizations: a name-only organization becomes the registry organization that
// names it, nothing lost (as fix/merge-authors does for authors): its members' per-paper
// affiliations (AUTHORED.organizationIds) and papers (FROM_ORGANIZATION) move, its sub-units'
// and its own PART_OF links too; its members are marked StaleSummary so that their
// AFFILIATED_WITH is recomputed (refresh-authors); it is deleted, its id kept in `mergedIds`, and
// its name, one of the registry organization's aliasKeys, keeps leading there.
UNWIND $merges AS merge
MATCH (from:Organization {id: merge.fromId}), (into:Organization {id: merge.intoId})
WHERE from <> into
CALL (from, into) {
  MATCH (a:Author)-[w:AUTHORED]->(:Paper)-[:FROM_ORGANIZATION]->(from)
  WHERE from.id IN w.organizationIds
  WITH a, w, [id IN w.organizationIds | CASE WHEN id = from.id THEN into.id ELSE id END] AS renamed
  SET w.organizationIds = reduce(ids = [], id IN renamed | CASE WHEN id IN ids THEN ids ELSE ids + id END), a:StaleSummary
}
CALL (from) {
  MATCH (a:Author)-[:AFFILIATED_WITH]->(from)
  SET a:StaleSummary
}
CALL (from, into) {
  MATCH (p:Paper)-[old:FROM_ORGANIZATION]->(from)
  MERGE (p)-[:FROM_ORGANIZATION]->(into)
  DELETE old
  RETURN count(p) AS papers
}
CALL (from, into) {
  MATCH (part:Organization)-[old:PART_OF]->(from)
  WHERE part <> into
  MERGE (part)-[kept:PART_OF]->(into)
  ON CREATE SET kept = properties(old)
}
CALL (from, into) {
  MATCH (from)-[old:PART_OF]->(whole:Organization)
  WHERE whole <> into
  MERGE (into)-[kept:PART_OF]->(whole)
  ON CREATE SET kept = properties(old)
}
WITH from, into, papers, from.id AS fromId
DETACH DELETE from
SET into.mergedIds = coalesce(into.mergedIds, []) + fromId
RETURN count(*) AS merged, sum(papers) AS papers
