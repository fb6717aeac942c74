// read/root/analytics-runs.count
{%match read/root/analytics-runs%}
RETURN count(r) AS total
