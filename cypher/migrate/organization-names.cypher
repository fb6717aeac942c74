// migrate/organization-names: every organization's name, its key, and, for a unit an affiliation
// named (no ROR id, a PART_OF of no registry's), the institution it is a unit of: its key says so.
MATCH (o:Organization)
OPTIONAL MATCH (o)-[r:PART_OF]->(parent:Organization) WHERE o.ror IS NULL AND coalesce(r.source, '') <> 'ror'
RETURN o.id AS id, o.name AS name, o.nameKey AS nameKey, head(collect(parent.name)) AS partOf
