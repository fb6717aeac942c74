// read/pages/paper-cites.count
{%match read/pages/paper-cites%}
RETURN request.key AS key, count(p) AS total
