// read/analytics/community-members: a community's authors, highest PageRank first (then by id)
UNWIND $requests AS request
MATCH (c:Community {id: request.parentId})
// end of match (read/analytics/community-members.count counts these rows)
MATCH (a:Author {analyticsCommunity: c.community})
WHERE a.analyticsRun = c.run
WITH request, a, right('0000000000000000' + toString(toInteger((1000000.0 - a.analyticsPageRank) * 1000000000.0)), 16) + '|' + a.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, a, sortKey
ORDER BY sortKey
WITH request, collect({id: a.id, sortKey: sortKey, node: a {%Author%}})[0..toInteger(request.limit)] AS rows
RETURN request.key AS key, rows
