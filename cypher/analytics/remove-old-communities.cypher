// analytics/remove-old-communities: communities of runs before the one now served
MATCH (c:Community)
WHERE c.run < $run
CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 1000 ROWS
