// import/unlock-placement: the end of a placing transaction (import/lock-placement)
MATCH (lock:PlacementLock {name: 'placement'})
DELETE lock
