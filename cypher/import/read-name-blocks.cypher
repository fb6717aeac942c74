// import/read-name-blocks: every authorship of every author with one of the names, with the
// evidence placement weighs: the other byline authors' name keys (none past $maxAuthors), the institutions the
// byline gives this author (units rolled up to their institution; with none, the paper's one
// organization if it has exactly one), the paper's topics, its year; and the placement it has.
UNWIND $nameKeys AS nameKey
MATCH (a:Author {nameKey: nameKey})-[w:AUTHORED]->(p:Paper)
CALL (w, p) {
  UNWIND coalesce(w.organizationIds, CASE WHEN COUNT { (p)-[:FROM_ORGANIZATION]->() } = 1 THEN [(p)-[:FROM_ORGANIZATION]->(o) | o.id] ELSE [] END) AS organizationId
  MATCH (o:Organization {id: organizationId})
  OPTIONAL MATCH (o)-[:PART_OF]->(institution:Organization)
  RETURN collect(DISTINCT coalesce(institution.id, o.id)) AS organizationIds
}
RETURN nameKey, a.id AS authorId, a.placedPrior AS placedPrior, p.id AS paperId, p.year AS year, w.nameOnly IS NOT NULL AS loose,
       w.identityMethod AS method, w.identityScore AS score, coalesce(w.identityEvidence, []) AS evidence,
       CASE WHEN COUNT { (p)<-[:AUTHORED]-() } > $maxAuthors THEN [] ELSE [(p)<-[:AUTHORED]-(other:Author) WHERE other <> a | other.nameKey] END AS coauthorKeys,
       [(p)-[:HAS_TOPIC]->(t:Topic) | t.id] AS topicIds, organizationIds
