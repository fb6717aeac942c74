// read/root/organizations.count
{%match read/root/organizations%}
RETURN count(o) AS total
