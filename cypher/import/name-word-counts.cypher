// import/name-word-counts: how many distinct names in the graph begin and end with each word (the
// name prior of src/ingest/author-placement.ts)
MATCH (a:Author)
WITH DISTINCT a.nameKey AS nameKey
WITH split(nameKey, ' ') AS words
WHERE size(words) >= 2
UNWIND [['first', words[0]], ['last', words[-1]]] AS pair
RETURN pair[0] AS position, pair[1] AS word, count(*) AS names
