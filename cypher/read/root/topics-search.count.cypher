// read/root/topics-search.count
{%match read/root/topics-search%}
RETURN count(t) AS total
