// import/write-organizations: organizations by resolved id; ids a source adds are kept, and a
// place (country, city) once given. A unit (department, lab) is PART_OF the institution its row
// names, written earlier in the same batch or before (rows come institutions first).
UNWIND $organizations AS org
MERGE (o:Organization {id: org.id})
ON CREATE SET o.name = org.name, o.nameKey = org.nameKey
SET o.ror = coalesce(o.ror, org.ror),
    o.openalexId = coalesce(o.openalexId, org.openalexId),
    o.country = coalesce(o.country, org.country),
    o.city = coalesce(o.city, org.city)
WITH o, org
WHERE org.partOf IS NOT NULL AND org.partOf <> org.id
MATCH (institution:Organization {id: org.partOf})
MERGE (o)-[:PART_OF]->(institution)
