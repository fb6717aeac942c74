// import/clear-orphan-candidates: the organizations import/remove-orphan-organizations kept lose
// their OrphanCandidate mark.
MATCH (o:OrphanCandidate)
REMOVE o:OrphanCandidate
