// import/snapshot/applied-parts: the snapshot parts and merged-id files of a source applied so far
MATCH (part:SnapshotPart {source: $source})
RETURN part.id AS id, part.entity AS entity, part.records AS records
