// read/root/organizations-search.count
{%match read/root/organizations-search%}
RETURN count(o) AS total
