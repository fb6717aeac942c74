// read/author-ids-by-name-key: the authors whose normalized name matches each key, or who had a
// spelling with that key merged into them
UNWIND $nameKeys AS nameKey
CALL (nameKey) {
  MATCH (a:Author {nameKey: nameKey})
  RETURN a
  UNION
  MATCH (:AuthorAlias {nameKey: nameKey})-[:ALIAS_OF]->(a:Author)
  RETURN a
}
WITH nameKey, a.id AS id
ORDER BY id
RETURN nameKey AS key, collect(id)[0..50] AS ids
