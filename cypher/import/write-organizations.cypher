// import/write-organizations: organizations by resolved id; ids a source adds are kept
UNWIND $organizations AS org
MERGE (o:Organization {id: org.id})
ON CREATE SET o.name = org.name, o.nameKey = org.nameKey
SET o.ror = coalesce(o.ror, org.ror),
    o.openalexId = coalesce(o.openalexId, org.openalexId),
    o.country = coalesce(o.country, org.country)
