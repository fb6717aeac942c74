// import/ror/write-part-of: (child)-[:PART_OF {source: 'ror'}]->(parent) between registry
// organizations, once both are in the graph (ROR lists the link on both records, so whichever
// comes second makes it); a parent a changed record no longer names loses the link ROR made
UNWIND $records AS record
MATCH (o:Organization {ror: record.ror})
CALL (o, record) {
  MATCH (o)-[stale:PART_OF {source: 'ror'}]->(parent:Organization)
  WHERE NOT parent.ror IN record.parents
  DELETE stale
}
CALL (o, record) {
  UNWIND record.parents AS parentRor
  MATCH (parent:Organization {ror: parentRor})
  WHERE parent <> o
  MERGE (o)-[link:PART_OF]->(parent)
  ON CREATE SET link.source = 'ror'
  RETURN count(*) AS up
}
CALL (o, record) {
  UNWIND record.children AS childRor
  MATCH (child:Organization {ror: childRor})
  WHERE child <> o
  MERGE (child)-[link:PART_OF]->(o)
  ON CREATE SET link.source = 'ror'
  RETURN count(*) AS down
}
RETURN count(*) AS records
