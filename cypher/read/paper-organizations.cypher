// read/paper-organizations
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:FROM_ORGANIZATION]->(o:Organization)
WITH id, o
ORDER BY o.nameKey
RETURN id, collect({organizationId: o.id, organization: o {%Organization%}}) AS rows
