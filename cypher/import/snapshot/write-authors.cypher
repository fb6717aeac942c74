// import/snapshot/write-authors: what an OpenAlex authors part says about the authors the graph
// holds (by OpenAlex id; authors it does not hold come with their works): the ORCID, when the
// author has none and no other author has it, and the figures OpenAlex reports, as reported:
// REPORTED_IN {paperCount: works_count, citationCount: cited_by_count, hIndex: summary_stats.h_index}
UNWIND $authors AS row
MATCH (a:Author {openalexId: row.openalexId})
MATCH (s:Source {id: $sourceId})
CALL (a, row) {
  WITH a, row
  WHERE row.orcid IS NOT NULL AND a.orcid IS NULL AND NOT EXISTS { MATCH (:Author {orcid: row.orcid}) }
  SET a.orcid = row.orcid
}
MERGE (a)-[r:REPORTED_IN]->(s)
SET r.paperCount = toInteger(row.worksCount), r.citationCount = toInteger(row.citedByCount), r.hIndex = toInteger(row.hIndex)
RETURN count(*) AS matched
