// eval/paper-records: which source record each paper came from (file#index for the paper lists).
MATCH (p:Paper)-[r:RECORDED_IN]->(:Source)
RETURN p.id AS paperId, r.recordId AS recordId
