// read/root/authors-by-paper-count.count
MATCH (a:Author)
RETURN count(a) AS total
