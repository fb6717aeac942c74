// read/node/Organization: the fields of an Organization row (OrganizationRow, src/repositories/organizations.ts);
// partOf: the id of the institution it is a unit of (PART_OF), if any
.id, .name, .ror, .country, .city, partOf: head([(this)-[:PART_OF]->(institution:Organization) | institution.id])
