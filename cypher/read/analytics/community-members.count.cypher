// read/analytics/community-members.count: a community's size, stored with it
{%match read/analytics/community-members%}
RETURN request.key AS key, c.size AS total
