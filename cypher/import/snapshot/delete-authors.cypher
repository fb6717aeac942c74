// import/snapshot/delete-authors: authors OpenAlex merged into a "deleted" sentinel
// (merged_ids/authors): gone with their authorships and the aliases that led to them
UNWIND $ids AS id
MATCH (a:Author {id: id})
CALL (a) {
  MATCH (alias:AuthorAlias)-[:ALIAS_OF]->(a)
  WHERE NOT EXISTS { (alias)-[:ALIAS_OF]->(other:Author) WHERE other <> a }
  DETACH DELETE alias
}
DETACH DELETE a
RETURN count(*) AS deleted
