// import/snapshot/write-institutions: what an OpenAlex institutions part says about the
// organizations the graph holds (by OpenAlex id, else ROR; others come with their works): the
// name OpenAlex gives, the country and type, and the ROR or OpenAlex id when the organization
// lacks it and no other has it
UNWIND $institutions AS row
CALL (row) {
  OPTIONAL MATCH (byId:Organization {openalexId: row.openalexId})
  OPTIONAL MATCH (byRor:Organization {ror: row.ror})
  WITH coalesce(byId, byRor) AS o
  WHERE o IS NOT NULL
  RETURN o
  LIMIT 1
}
SET o.name = row.name, o.nameKey = row.nameKey,
    o.country = coalesce(row.country, o.country),
    o.type = coalesce(row.type, o.type)
WITH o, row
CALL (o, row) {
  WITH o, row
  WHERE row.ror IS NOT NULL AND o.ror IS NULL AND NOT EXISTS { MATCH (:Organization {ror: row.ror}) }
  SET o.ror = row.ror
}
CALL (o, row) {
  WITH o, row
  WHERE o.openalexId IS NULL AND NOT EXISTS { MATCH (:Organization {openalexId: row.openalexId}) }
  SET o.openalexId = row.openalexId
}
RETURN count(*) AS matched
