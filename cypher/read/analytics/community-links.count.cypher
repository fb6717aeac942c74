// read/analytics/community-links.count
{%match read/analytics/community-links%}
RETURN request.key AS key, count(other) AS total
