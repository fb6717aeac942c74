// analytics/remove-run-communities: the half-made communities of a run that failed
MATCH (c:Community {run: $run})
CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 1000 ROWS
