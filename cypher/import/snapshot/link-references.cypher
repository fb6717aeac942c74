// import/snapshot/link-references: CITES from papers that reference the works a sync wrote
// ($ids, OpenAlex ids) to them; import/link-references restricted to those cited works (every
// earlier sync linked the rest). Each paper's list is checked against the ids in memory, and only
// the references among them are looked up.
MATCH (p:Paper)
WHERE p.referencedWorks IS NOT NULL
WITH p, [reference IN p.referencedWorks WHERE reference IN $ids] AS references
WHERE size(references) > 0
UNWIND references AS reference
MATCH (cited:Paper {openalexId: reference})
MERGE (p)-[:CITES]->(cited)
