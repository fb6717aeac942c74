// read/analytics/community-links: the communities one publishes with, most shared papers first
UNWIND $requests AS request
MATCH (c:Community {id: request.parentId})-[link:COLLABORATES_WITH]-(other:Community)
// end of match (read/analytics/community-links.count counts these rows)
WITH request, other, link, right('000000000' + toString(999999999 - link.paperCount), 9) + '|' + other.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, other, link, sortKey
ORDER BY sortKey
WITH request, collect({id: other.id, sortKey: sortKey, paperCount: link.paperCount, bridgeAuthorIds: link.bridgeAuthorIds, node: other {.*}})[0..toInteger(request.limit)] AS rows
RETURN request.key AS key, rows
