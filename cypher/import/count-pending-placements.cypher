// import/count-pending-placements: authors an import marked for placement and not yet placed
MATCH (a:PlacementPending)
RETURN count(*) AS pending
