// import/placed-names: every name placed by evidence before, with the prior it was placed with
MATCH (a:Author)
WHERE a.placedPrior IS NOT NULL
RETURN DISTINCT a.nameKey AS nameKey, a.placedPrior AS prior
