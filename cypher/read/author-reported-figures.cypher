// read/author-reported-figures: what sources reported about an author, as reported
UNWIND $ids AS id
MATCH (:Author {id: id})-[r:REPORTED_IN]->(s:Source)
WITH id, s, r
ORDER BY s.id
RETURN id, collect(r {.*, sourceId: s.id}) AS rows
