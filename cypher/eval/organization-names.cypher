// eval/organization-names: every organization's name, and whether it is part of another.
MATCH (o:Organization)
RETURN o.id AS id, o.name AS name, EXISTS { (o)-[:PART_OF]->(:Organization) } AS isSubUnit
