// import/snapshot/alias-authors: merged OpenAlex author ids that no author in the graph has
// (the old author never arrived, or was merged before) lead to the author of their target:
// (:AuthorAlias {openalexId})-[:ALIAS_OF]->(author), and to no other
UNWIND $aliases AS row
MATCH (into:Author {id: row.into})
MERGE (alias:AuthorAlias {openalexId: row.openalexId})
MERGE (alias)-[:ALIAS_OF]->(into)
WITH alias, into
CALL (alias, into) {
  MATCH (alias)-[stale:ALIAS_OF]->(other:Author)
  WHERE other <> into
  DELETE stale
}
