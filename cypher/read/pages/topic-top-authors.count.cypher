// read/pages/topic-top-authors.count
{%match read/pages/topic-top-authors%}
RETURN request.key AS key, count(DISTINCT a) AS total
