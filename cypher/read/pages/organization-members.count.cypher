// read/pages/organization-members.count
{%match read/pages/organization-members%}
RETURN request.key AS key, count(a) AS total
