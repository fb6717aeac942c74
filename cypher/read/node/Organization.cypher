// read/node/Organization: the fields of an Organization row (OrganizationRow, src/repositories/organizations.ts)
.id, .name, .ror, .country
