// read/root/identity-decisions.count
{%match read/root/identity-decisions%}
RETURN count(d) AS total
