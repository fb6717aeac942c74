// import/ror/unchanged: the registry records written before exactly as they are now (the same
// hash on the organization), which a run skips whole
UNWIND $records AS record
MATCH (o:Organization {ror: record.ror})
WHERE o.rorHash = record.hash
RETURN record.ror AS ror
