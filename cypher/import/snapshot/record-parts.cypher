// import/snapshot/record-parts: snapshot parts (or merged-id files) whose writes have all
// committed, by their id in the current layout's form; recording one again only moves appliedAt
UNWIND $parts AS part
MERGE (p:SnapshotPart {id: part.id})
SET p.source = $source, p.entity = part.entity, p.records = toInteger(part.records), p.appliedAt = datetime()
