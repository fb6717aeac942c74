// write/source: the source a document's facts come from
MERGE (s:Source {id: $source.id})
SET s.kind = $source.kind, s.name = $source.name
