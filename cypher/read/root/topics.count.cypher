// read/root/topics.count
{%match read/root/topics%}
RETURN count(t) AS total
