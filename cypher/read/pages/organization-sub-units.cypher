// read/pages/organization-sub-units: the units directly PART_OF an organization (departments,
// labs...), by name
UNWIND $requests AS request
MATCH (unit:Organization)-[:PART_OF]->(:Organization {id: request.parentId})
// end of match (read/pages/organization-sub-units.count counts these rows)
WITH request, unit, unit.nameKey + '|' + unit.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, unit, sortKey
ORDER BY sortKey
WITH request, collect({n: unit, sortKey: sortKey}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS unit
RETURN request.key AS key, collect({id: unit.id, sortKey: row.sortKey, node: unit {%Organization%}}) AS rows
