// read/author-ids-by-name-key: the authors whose normalized name matches each key
UNWIND $nameKeys AS nameKey
MATCH (a:Author {nameKey: nameKey})
WITH nameKey, a.id AS id
ORDER BY id
RETURN nameKey, collect(id)[0..50] AS ids
