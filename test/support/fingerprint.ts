import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

/**
 * A hash of the whole graph: every node's labels and properties and every relationship's type,
 * ends and properties, independent of internal ids and order. Equal graphs, equal fingerprints.
 */
export async function graphFingerprint(driver: Driver, database: string, { ignoring = [] as string[] } = {}) {
  const nodes = await driver.executeQuery(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    {},
    { database },
  );
  const relationships = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props',
    {},
    { database },
  );
  const lines = [
    ...nodes.records.map((record) => JSON.stringify(['node', [...record.get('labels')].sort(), sortKeys(record.get('props'), ignoring)])),
    ...relationships.records.map((record) =>
      JSON.stringify(['rel', record.get('type'), record.get('from'), record.get('to'), sortKeys(record.get('props'), ignoring)]),
    ),
  ].sort();
  return {
    nodes: nodes.records.length,
    relationships: relationships.records.length,
    hash: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}

/** Properties by name, as text; those `ignoring` names left out (a record's place in its file, when the test shuffles files). */
function sortKeys(props: Record<string, unknown>, ignoring: string[] = []) {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !ignoring.includes(k)).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, String(v)]));
}
