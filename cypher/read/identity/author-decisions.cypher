// read/identity/author-decisions: per author, the identity decisions made about them, newest first
UNWIND $ids AS id
MATCH (:Author {id: id})<-[:CONCERNS]-(d:IdentityDecision)
WITH id, d
ORDER BY d.at DESC, d.id
RETURN id, collect(d {%IdentityDecision%}) AS rows
