// read/root/authors-by-paper-count.count
{%match read/root/authors-by-paper-count%}
RETURN count(a) AS total
