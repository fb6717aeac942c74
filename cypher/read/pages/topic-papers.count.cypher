// read/pages/topic-papers.count
{%match read/pages/topic-papers%}
RETURN request.key AS key, count(p) AS total
