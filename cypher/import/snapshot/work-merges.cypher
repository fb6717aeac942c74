// import/snapshot/work-merges: what each merged OpenAlex work id (merged_ids/works) is in
// the graph: the paper that has it (fromId), the paper its target is (the target's own id, or
// an id merged into it before: intoId), and the paper it is an alias of already (aliasOf: a
// merge applied before)
UNWIND $merges AS merge
CALL (merge) {
  OPTIONAL MATCH (a:Paper {openalexId: merge.id})
  RETURN a.id AS fromId
}
CALL (merge) {
  OPTIONAL MATCH (a:Paper {openalexId: merge.into})
  OPTIONAL MATCH (:PaperAlias {openalexId: merge.into})-[:ALIAS_OF]->(b:Paper)
  RETURN coalesce(a.id, b.id) AS intoId
  LIMIT 1
}
CALL (merge) {
  OPTIONAL MATCH (:PaperAlias {openalexId: merge.id})-[:ALIAS_OF]->(a:Paper)
  RETURN a.id AS aliasOf
  LIMIT 1
}
RETURN merge.id AS id, fromId, intoId, aliasOf
