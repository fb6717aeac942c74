// import/snapshot/delete-works: works OpenAlex merged into a "deleted" sentinel such as
// W4285719527 (merged_ids/works): gone with their links and the aliases that led to them. Their
// authors are marked for a summary refresh and returned (an author left with no paper goes:
// import/remove-orphan-authors).
UNWIND $ids AS id
MATCH (p:Paper {id: id})
CALL (p) {
  OPTIONAL MATCH (a:Author)-[:AUTHORED]->(p)
  SET a:StaleSummary
  RETURN collect(a.id) AS authorIds
}
CALL (p) {
  MATCH (alias:PaperAlias)-[:ALIAS_OF]->(p)
  WHERE NOT EXISTS { (alias)-[:ALIAS_OF]->(other:Paper) WHERE other <> p }
  DETACH DELETE alias
}
DETACH DELETE p
RETURN authorIds
