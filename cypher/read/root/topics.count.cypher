// read/root/topics.count
MATCH (t:Topic)
WHERE $scheme IS NULL OR t.scheme = $scheme
RETURN count(t) AS total
