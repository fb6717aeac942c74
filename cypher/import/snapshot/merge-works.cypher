// import/snapshot/merge-works: OpenAlex merged work `from` into `into` (merged_ids/works), as
// fix/merge-authors does for authors: its authorships, its citations (both ways), topics and
// organizations move to `into`, which keeps what it has and takes from `from` only what it lacks
// (external ids, abstract, venue, dates); `from` is deleted, remembered in `into.mergedIds`, and
// its OpenAlex id (and any merged into it before) becomes a PaperAlias of `into`. Authors whose
// authorships moved are marked for a summary refresh (import/refresh-authors).
MATCH (into:Paper {id: $into}), (from:Paper {id: $from})
CALL (into, from) {
  MATCH (a:Author)-[w:AUTHORED]->(from)
  MERGE (a)-[kept:AUTHORED]->(into)
  ON CREATE SET kept = properties(w)
  SET a:StaleSummary
  DELETE w
}
CALL (into, from) {
  MATCH (from)-[:CITES]->(cited:Paper)
  WHERE cited <> into
  MERGE (into)-[:CITES]->(cited)
}
CALL (into, from) {
  MATCH (citing:Paper)-[:CITES]->(from)
  WHERE citing <> into
  MERGE (citing)-[:CITES]->(into)
}
CALL (into, from) {
  MATCH (from)-[h:HAS_TOPIC]->(t:Topic)
  MERGE (into)-[kept:HAS_TOPIC]->(t)
  ON CREATE SET kept.score = h.score
}
CALL (into, from) {
  MATCH (from)-[:FROM_ORGANIZATION]->(o:Organization)
  MERGE (into)-[:FROM_ORGANIZATION]->(o)
}
CALL (into, from) {
  MATCH (alias:PaperAlias)-[old:ALIAS_OF]->(from)
  MERGE (alias)-[:ALIAS_OF]->(into)
  DELETE old
}
MERGE (alias:PaperAlias {openalexId: $openalexId})
MERGE (alias)-[:ALIAS_OF]->(into)
WITH into, from, alias
CALL (alias, into) {
  MATCH (alias)-[stale:ALIAS_OF]->(other:Paper)
  WHERE other <> into
  DELETE stale
}
WITH into, from, from.id AS fromId, properties(from) AS old
DETACH DELETE from
SET into.doi = coalesce(into.doi, old.doi),
    into.arxivId = coalesce(into.arxivId, old.arxivId),
    into.openreviewId = coalesce(into.openreviewId, old.openreviewId),
    into.abstract = coalesce(into.abstract, old.abstract),
    into.venue = coalesce(into.venue, old.venue),
    into.publishedOn = coalesce(into.publishedOn, old.publishedOn),
    into.mergedIds = coalesce(into.mergedIds, []) + fromId
RETURN into.id AS id
