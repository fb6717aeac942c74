// import/lock-placement: placement by evidence reads whole names and moves their authorships, so
// two imports must not place at once: the first statement of each placing transaction takes this
// lock (a node under a uniqueness constraint: a second MERGE waits for the first transaction to
// end) and its last statement (import/unlock-placement) deletes it, so it never stays in the graph
MERGE (lock:PlacementLock {name: 'placement'})
