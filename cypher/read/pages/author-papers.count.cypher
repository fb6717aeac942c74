// read/pages/author-papers.count (the same papers as read/pages/author-papers)
{%match read/pages/author-papers%}
RETURN request.key AS key, count(p) AS total
