// read/root/papers-search.count
{%match read/root/papers-search%}
RETURN count(p) AS total
