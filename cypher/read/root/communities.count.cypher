// read/root/communities.count
{%match read/root/communities%}
RETURN count(c) AS total
