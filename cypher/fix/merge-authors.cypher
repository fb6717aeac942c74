// fix/merge-authors: one person recorded as two authors becomes one. Every authorship moves to
// `into` (keeping byline positions and per-paper affiliations), as do reported figures and
// external ids; `from` is deleted and remembered in `into.mergedIds`.
MATCH (into:Author {id: $into}), (from:Author {id: $from})
CALL (into, from) {
  MATCH (from)-[w:AUTHORED]->(p:Paper)
  MERGE (into)-[kept:AUTHORED]->(p)
  SET kept.position = coalesce(kept.position, w.position),
      kept.organizationIds = coalesce(kept.organizationIds, w.organizationIds)
  DELETE w
}
CALL (into, from) {
  MATCH (from)-[r:REPORTED_IN]->(s:Source)
  MERGE (into)-[kept:REPORTED_IN]->(s)
  ON CREATE SET kept = properties(r)
  DELETE r
}
WITH into, from, from.id AS fromId, from.openalexId AS openalexId, from.orcid AS orcid, from.openreviewId AS openreviewId
DETACH DELETE from
SET into.openalexId = coalesce(into.openalexId, openalexId),
    into.orcid = coalesce(into.orcid, orcid),
    into.openreviewId = coalesce(into.openreviewId, openreviewId),
    into.mergedIds = coalesce(into.mergedIds, []) + fromId
RETURN into.id AS id
