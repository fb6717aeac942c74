// read/authors-by-external-ids: the author each external id names (`author(orcid:)`,
// `author(openalexId:)`), through the unique constraints on Author.orcid and Author.openalexId;
// an OpenAlex id merged into another author (an AuthorAlias) answers with that author. Each ref
// carries one id, the others null (a null never matches), so each way is one index seek.
UNWIND $refs AS ref
CALL (ref) {
  CALL (ref) {
    MATCH (a:Author {orcid: ref.orcid}) RETURN a, 0 AS rank
    UNION ALL
    MATCH (a:Author {openalexId: ref.openalexId}) RETURN a, 0 AS rank
    UNION ALL
    MATCH (:AuthorAlias {openalexId: ref.openalexId})-[:ALIAS_OF]->(a:Author) RETURN a, 1 AS rank
  }
  WITH a, rank ORDER BY rank, a.id
  LIMIT 1
  RETURN a
}
RETURN ref.key AS key, a {%Author%} AS row
