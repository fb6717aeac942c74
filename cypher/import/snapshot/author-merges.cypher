// import/snapshot/author-merges: what each merged OpenAlex author id (merged_ids/authors) is in
// the graph: the author that has it (fromId), the author its target is (the target's own id, or
// an id merged into it before: intoId), and the author it is an alias of already (aliasOf: a
// merge applied before)
UNWIND $merges AS merge
CALL (merge) {
  OPTIONAL MATCH (a:Author {openalexId: merge.id})
  RETURN a.id AS fromId
}
CALL (merge) {
  OPTIONAL MATCH (a:Author {openalexId: merge.into})
  OPTIONAL MATCH (:AuthorAlias {openalexId: merge.into})-[:ALIAS_OF]->(b:Author)
  RETURN coalesce(a.id, b.id) AS intoId
  LIMIT 1
}
CALL (merge) {
  OPTIONAL MATCH (:AuthorAlias {openalexId: merge.id})-[:ALIAS_OF]->(a:Author)
  RETURN a.id AS aliasOf
  LIMIT 1
}
RETURN merge.id AS id, fromId, intoId, aliasOf
