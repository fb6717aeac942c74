// read/pages/organization-sub-units.count
{%match read/pages/organization-sub-units%}
RETURN request.key AS key, count(unit) AS total
