// eval/institutions: every organization that is not part of another (an institution), with the
// papers on it or on any of its sub-units (PART_OF, up to 4 levels), and its other names if any.
MATCH (p:Paper)-[:FROM_ORGANIZATION]->(unit:Organization)
OPTIONAL MATCH (unit)-[:PART_OF*1..4]->(top:Organization) WHERE NOT (top)-[:PART_OF]->(:Organization)
WITH p, coalesce(top, unit) AS o
WITH o, collect(DISTINCT p.id) AS paperIds
RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases, paperIds
