// read/pages/organization-papers.count
{%match read/pages/organization-papers%}
RETURN request.key AS key, count(p) AS total
