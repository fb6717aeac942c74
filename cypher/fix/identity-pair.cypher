// fix/identity-pair: the two authors of an identity suggestion as they are now, and the decision
// already made about them, if any (a suggestion is decided once)
OPTIONAL MATCH (keep:Author {id: $keepId})
OPTIONAL MATCH (other:Author {id: $otherId})
OPTIONAL MATCH (decided:IdentityDecision {pairKey: $pairKey})
RETURN keep.name AS keepName, keep.nameKey AS keepNameKey, other.name AS otherName, other.nameKey AS otherNameKey,
       decided.decision AS decided
