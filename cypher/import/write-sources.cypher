// import/write-sources
UNWIND $sources AS source
MERGE (s:Source {id: source.id})
SET s.kind = source.kind, s.name = source.name
