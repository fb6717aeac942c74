// read/author-ids-by-name-key: the authors whose normalized name matches each key
UNWIND $nameKeys AS nameKey
MATCH (a:Author {nameKey: nameKey})
WITH nameKey, a.id AS id
ORDER BY id
RETURN nameKey AS key, collect(id)[0..50] AS ids
