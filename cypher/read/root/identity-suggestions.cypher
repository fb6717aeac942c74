// read/root/identity-suggestions: pairs of authors with one name key that may be one person,
// strongest first (src/repositories/identity.ts). Only names borne by two or more authors, at
// least one of them identified (an OpenAlex id, ORCID or OpenReview id), and some pair of them
// undecided, are scanned: the $names of them with the most papers (or the one name $nameKey). Per name, each author's
// coauthors (papers over $maxAuthorsPerPaper authors make none, as in Author.coauthors), then
// the pairs:
// - NAME_NODE_AND_PERSON: an identified author (kept) and a name's own node (`author:…`, no id),
//   whatever they share;
// - SAME_NAME_SHARED_COAUTHORS: two identified authors with a coauthor in common whose ORCID
//   iDs and OpenReview ids do not differ (fix/merge-authors would refuse them); the one with
//   more papers is kept.
// Never two authors of one paper (two people of one name on a byline), never a pair already
// decided (IdentityDecision.pairKey: the two ids sorted, joined by '|').
CALL () {
  WITH $nameKey AS nameKey WHERE nameKey IS NOT NULL
  RETURN nameKey
  UNION
  WITH $nameKey AS asked WHERE asked IS NULL
  MATCH (a:Author)
  WITH a.nameKey AS nameKey, count(*) AS bearers
  WHERE bearers > 1 AND nameKey IS NOT NULL
  RETURN nameKey
}
MATCH (a:Author {nameKey: nameKey})
WITH nameKey, collect(a) AS bearers
WHERE size(bearers) > 1 AND any(b IN bearers WHERE b.openalexId IS NOT NULL OR b.orcid IS NOT NULL OR b.openreviewId IS NOT NULL)
  // A name whose every pair of bearers is decided (rejected: both still there) leaves the scan,
  // so that decided names do not hold places under $names for ever.
  AND COUNT { MATCH (d:IdentityDecision {nameKey: nameKey}) WHERE COUNT { (d)-[:CONCERNS]->(:Author) } = 2 } < size(bearers) * (size(bearers) - 1) / 2
WITH nameKey, bearers, reduce(total = 0, b IN bearers | total + COUNT { (b)-[:AUTHORED]->() }) AS papers
ORDER BY papers DESC, nameKey
LIMIT toInteger($names)
UNWIND bearers AS b
CALL (b) {
  OPTIONAL MATCH (b)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
  WHERE c <> b AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  WITH DISTINCT c
  ORDER BY c.nameKey, c.id
  RETURN collect(c.id) AS coauthors
}
WITH nameKey, b, coauthors, b.openalexId IS NOT NULL OR b.orcid IS NOT NULL OR b.openreviewId IS NOT NULL AS identified
WITH nameKey, collect({author: b, coauthors: coauthors, identified: identified, nameNode: NOT identified AND b.id STARTS WITH 'author:',
  papers: COUNT { (b)-[:AUTHORED]->() }}) AS people
UNWIND people AS keep
UNWIND people AS other
WITH nameKey, keep, other, keep.author AS ka, other.author AS oa
WITH nameKey, keep, other, ka, oa, CASE
    WHEN keep.identified AND other.nameNode THEN 'NAME_NODE_AND_PERSON'
    WHEN keep.identified AND other.identified
      AND (keep.papers > other.papers OR (keep.papers = other.papers AND ka.id < oa.id))
      AND NOT coalesce(ka.orcid <> oa.orcid, false) AND NOT coalesce(ka.openreviewId <> oa.openreviewId, false)
      THEN 'SAME_NAME_SHARED_COAUTHORS'
  END AS reason
WHERE reason IS NOT NULL
WITH nameKey, keep, other, ka, oa, reason, [c IN keep.coauthors WHERE c IN other.coauthors AND c <> ka.id AND c <> oa.id] AS shared
WHERE (reason = 'NAME_NODE_AND_PERSON' OR size(shared) > 0)
  AND NOT EXISTS { MATCH (ka)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(oa) }
WITH nameKey, keep, other, ka, oa, reason, shared, CASE WHEN ka.id < oa.id THEN ka.id + '|' + oa.id ELSE oa.id + '|' + ka.id END AS pairKey
WHERE NOT EXISTS { MATCH (:IdentityDecision {pairKey: pairKey}) }
// end of match (read/root/identity-suggestions.count counts these rows)
WITH keep, other, ka, oa, reason, shared,
     right('000000000' + toString(999999999 - size(shared)), 9) + '|' + right('000000000' + toString(999999999 - other.papers), 9)
       + '|' + nameKey + '|' + ka.id + '|' + oa.id AS sortKey
WHERE $after IS NULL OR sortKey > $after
WITH keep, other, ka, oa, reason, shared, sortKey
ORDER BY sortKey
LIMIT toInteger($limit)
WITH ka, oa, reason, shared, sortKey, size(keep.coauthors) AS keepCoauthors, size(other.coauthors) AS otherCoauthors
// score: the overlap of their coauthors, shared / the smaller of the two coauthor counts.
RETURN ka.id + '|' + oa.id AS id, sortKey, reason, size(shared) AS sharedCoauthorCount,
       shared[0..toInteger($sharedListed)] AS sharedCoauthorIds,
       CASE WHEN keepCoauthors = 0 OR otherCoauthors = 0 THEN null
         ELSE toFloat(size(shared)) / CASE WHEN keepCoauthors < otherCoauthors THEN keepCoauthors ELSE otherCoauthors END
       END AS score,
       ka {%Author%} AS keep, oa {%Author%} AS other
