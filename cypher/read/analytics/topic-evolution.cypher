// read/analytics/topic-evolution: per year, a topic's papers, the authors new to it that year
// (their first paper on it) and the communities (of the served analytics run) its authors are in
CALL () {
  OPTIONAL MATCH (r:AnalyticsRun {status: 'complete'})
  RETURN max(r.id) AS run
}
UNWIND $ids AS id
MATCH (:Topic {id: id})<-[:HAS_TOPIC]-(p:Paper)<-[:AUTHORED]-(a:Author)
WITH run, id, a, collect(p) AS papers, min(p.year) AS debut
UNWIND papers AS p
WITH run, id, p.year AS year, p, a, debut
WITH id, year, count(DISTINCT p) AS paperCount,
     count(DISTINCT CASE WHEN debut = year THEN a END) AS newAuthorCount,
     count(DISTINCT CASE WHEN a.analyticsRun = run THEN a.analyticsCommunity END) AS communityCount
ORDER BY year
RETURN id, collect({year: year, paperCount: paperCount, newAuthorCount: newAuthorCount, communityCount: communityCount}) AS rows
