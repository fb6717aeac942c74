// import/annotate-authorships: placed authorships that stay with the author holding them, with
// the method, score and evidence placement gives them now (import/move-authorships moves the
// others); staying with the name for want of evidence ('name') is stored as no method
UNWIND $placements AS placement
MATCH (:Author {id: placement.authorId})-[w:AUTHORED]->(:Paper {id: placement.paperId})
WHERE w.nameOnly
SET w.identityMethod = CASE WHEN placement.method <> 'name' THEN placement.method END, w.identityScore = placement.score,
    w.identityEvidence = CASE WHEN size(placement.evidence) > 0 THEN placement.evidence END
