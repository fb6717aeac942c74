// read/papers-by-external-ids: the paper each external id names (`paper(doi:)`,
// `paper(openalexId:)`, `paper(arxivId:)`), through the unique constraints on Paper.doi,
// Paper.openalexId and Paper.arxivId; an OpenAlex work id merged into another work (a
// PaperAlias) answers with that paper. Each ref carries one id, the others null (a null never
// matches), so each way is one index seek.
UNWIND $refs AS ref
CALL (ref) {
  CALL (ref) {
    MATCH (p:Paper {doi: ref.doi}) RETURN p, 0 AS rank
    UNION ALL
    MATCH (p:Paper {openalexId: ref.openalexId}) RETURN p, 0 AS rank
    UNION ALL
    MATCH (p:Paper {arxivId: ref.arxivId}) RETURN p, 0 AS rank
    UNION ALL
    MATCH (:PaperAlias {openalexId: ref.openalexId})-[:ALIAS_OF]->(p:Paper) RETURN p, 1 AS rank
  }
  WITH p, rank ORDER BY rank, p.id
  LIMIT 1
  RETURN p
}
RETURN ref.key AS key, p {%Paper%} AS row
