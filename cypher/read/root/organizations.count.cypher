// read/root/organizations.count
MATCH (o:Organization)
WHERE $searchKey IS NULL OR o.nameKey CONTAINS $searchKey
RETURN count(o) AS total
