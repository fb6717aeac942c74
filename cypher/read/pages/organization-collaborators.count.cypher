// read/pages/organization-collaborators.count
{%match read/pages/organization-collaborators%}
RETURN request.key AS key, count(DISTINCT other) AS total
