// import/mark-placed: after a name's placement, the authors holding its name-only authorships keep
// the prior it was placed with, when the prior took part (import/placed-names); a name's own node left with nothing hands
// what a source reported about it to the one author its authorships all went to; authors left
// with nothing go (as import/remove-orphan-authors).
UNWIND $names AS name
CALL (name) {
  MATCH (a:Author {nameKey: name.nameKey})
  SET a.placedPrior = CASE WHEN EXISTS { (a)-[:AUTHORED {nameOnly: true}]->() } THEN name.prior END
}
CALL (name) {
  MATCH (from:Author {id: name.nameNodeId}), (to:Author {id: name.handOverTo})
  WHERE NOT EXISTS { (from)-[:AUTHORED]->() }
  MATCH (from)-[r:REPORTED_IN]->(s:Source)
  MERGE (to)-[kept:REPORTED_IN]->(s)
  ON CREATE SET kept = properties(r)
  DELETE r
}
CALL (name) {
  UNWIND name.left AS authorId
  MATCH (a:Author {id: authorId})
  WHERE NOT EXISTS { (a)-[:AUTHORED]->() } AND NOT EXISTS { (a)-[:REPORTED_IN]->() } AND NOT EXISTS { (:AuthorAlias)-[:ALIAS_OF]->(a) }
  DETACH DELETE a
}
