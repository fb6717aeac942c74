// read/pages/author-coauthors.count: as read/pages/author-coauthors, papers with more than
// $maxAuthorsPerPaper authors left out.
{%match read/pages/author-coauthors%}
RETURN request.key AS key, count(DISTINCT c) AS total
