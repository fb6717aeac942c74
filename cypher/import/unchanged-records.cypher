// import/unchanged-records: records this source already gave for these papers, unchanged
UNWIND $records AS record
MATCH (:Paper {id: record.paperId})-[recorded:RECORDED_IN]->(:Source {id: record.sourceId})
WHERE recorded.recordHash = record.hash
RETURN record.key AS key
