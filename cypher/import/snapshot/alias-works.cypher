// import/snapshot/alias-works: merged OpenAlex work ids that no paper in the graph has
// (the old work never arrived, or was merged before) lead to the paper of their target:
// (:PaperAlias {openalexId})-[:ALIAS_OF]->(paper), and to no other
UNWIND $aliases AS row
MATCH (into:Paper {id: row.into})
MERGE (alias:PaperAlias {openalexId: row.openalexId})
MERGE (alias)-[:ALIAS_OF]->(into)
WITH alias, into
CALL (alias, into) {
  MATCH (alias)-[stale:ALIAS_OF]->(other:Paper)
  WHERE other <> into
  DELETE stale
}
