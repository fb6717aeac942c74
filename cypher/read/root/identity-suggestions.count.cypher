// read/root/identity-suggestions.count
{%match read/root/identity-suggestions%}
RETURN count(*) AS total
