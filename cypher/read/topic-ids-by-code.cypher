// read/topic-ids-by-code: topics by their code in any scheme ("cs.LG"), or by id
UNWIND $codes AS code
MATCH (t:Topic)
WHERE t.code = code OR t.id = code
WITH code, t.id AS id
ORDER BY id
RETURN code AS key, collect(id)[0..50] AS ids
