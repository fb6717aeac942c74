// read/root/authors-search.count
{%match read/root/authors-search%}
RETURN count(a) AS total
