// fix/record-identity-decision: an operator's answer to an identity suggestion, kept in the graph:
// who decided, when, about which two authors (ids and names as they were, the one kept first).
// It points at those of the two still there (an accepted merge leaves only the first), and its
// pairKey (unique) is what keeps the pair out of identitySuggestions from then on; nameKey lets
// the suggestions skip a name whose pairs are all decided.
CREATE (d:IdentityDecision {id: $id, pairKey: $pairKey, nameKey: $nameKey, decision: $decision, by: $by, at: datetime(),
  authorIds: $authorIds, names: $names, reason: $reason})
WITH d
CALL (d) {
  UNWIND d.authorIds AS authorId
  MATCH (a:Author {id: authorId})
  CREATE (d)-[:CONCERNS]->(a)
}
RETURN d {%IdentityDecision%} AS decision
