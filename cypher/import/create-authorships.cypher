// import/create-authorships: the byline of a paper created in this batch (one row per author and
// paper), with what import/write-authorships would set on a new authorship. Its author is marked
// for a summary refresh (import/refresh-authors).
UNWIND $authorships AS row
MATCH (a:Author {id: row.authorId}), (p:Paper {id: row.paperId})
CREATE (a)-[:AUTHORED {
  position: toInteger(row.position), name: row.name, sources: [row.sourceId],
  organizationIds: CASE WHEN size(row.organizationIds) > 0 THEN row.organizationIds END
}]->(p)
SET a:StaleSummary
