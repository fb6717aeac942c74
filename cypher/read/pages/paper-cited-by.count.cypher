// read/pages/paper-cited-by.count
{%match read/pages/paper-cited-by%}
RETURN request.key AS key, count(p) AS total
