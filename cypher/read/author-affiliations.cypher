// read/author-affiliations: where an author worked, from AFFILIATED_WITH (kept by the writers)
UNWIND $ids AS id
MATCH (:Author {id: id})-[r:AFFILIATED_WITH]->(o:Organization)
WITH id, o, r
ORDER BY r.paperCount DESC, o.nameKey
RETURN id, collect({organizationId: o.id, organization: o {%Organization%}, paperCount: r.paperCount, firstYear: r.firstYear, lastYear: r.lastYear}) AS rows
