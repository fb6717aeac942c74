// import/write-reported: figures a source reported about an author, kept as reported. The author
// is the one the name resolves to; when several share it, the name's own node.
UNWIND $reports AS report
MATCH (s:Source {id: report.sourceId})
CALL (report) {
  MATCH (a:Author {nameKey: report.nameKey})
  RETURN a
  ORDER BY a.id = report.nameId DESC, a.id
  LIMIT 1
}
MERGE (a)-[r:REPORTED_IN]->(s)
SET r = report.figures
