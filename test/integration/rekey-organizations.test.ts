import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rekeyOrganizations } from '../../src/ingest/rekey-organizations.js';
import { inProcessServer, postGraphQL, testDatabase, testDriver, type InProcessServer } from '../support/server.js';

/**
 * A graph imported before institution keys (issue 25) keyed organizations by normalizeKey alone
 * ("the chinese university of hong kong"): rekeyOrganizations, run with the schema, gives them
 * today's keys, so `organization(name:)` finds them as it finds newly imported ones; a unit's key
 * names its institution; a registry child (PART_OF from ROR) keeps a key of its own name.
 */
let driver: Driver;
let server: InProcessServer;
const run = (query: string, params: Record<string, unknown> = {}) => driver.executeQuery(query, params, { database: testDatabase() });
const keyOf = async (id: string) => (await run('MATCH (o:Organization {id: $id}) RETURN o.nameKey AS key', { id })).records[0]?.get('key');
const remove = () => run("MATCH (o:Organization) WHERE o.id STARTS WITH 'rekey:' DETACH DELETE o");

beforeAll(async () => {
  driver = testDriver();
  await remove();
  await run(`
    CREATE (:Organization {id: 'rekey:cuhk', name: 'The Chinese University of Hong Kong', nameKey: 'the chinese university of hong kong'})
    CREATE (unit:Organization {id: 'rekey:physics', name: 'Department of Physics', nameKey: 'department of physics'})
    CREATE (inst:Organization {id: 'rekey:tuebingen', name: 'Univ. of Tübingen', nameKey: 'univ of tubingen'})
    CREATE (unit)-[:PART_OF]->(inst)
    CREATE (child:Organization {id: 'rekey:campus', ror: 'rekey-campus', name: 'University of Example, North', nameKey: 'university of example north'})
    CREATE (system:Organization {id: 'rekey:system', ror: 'rekey-system', name: 'University of Example System', nameKey: 'university of example system'})
    CREATE (child)-[:PART_OF {source: 'ror'}]->(system)`);
  server = inProcessServer();
});
afterAll(async () => {
  await server?.close();
  if (driver) await remove();
  await driver?.close();
});

describe('organizations keyed under an earlier rule', () => {
  it('get the institution keys, once, and are found by name again', async () => {
    const asked = async (target: InProcessServer, name: string) =>
      (await postGraphQL<{ organization: { name: string } | null }>(target, 'query($name: String!) { organization(name: $name) { name } }', { name })).data?.organization?.name ?? null;
    expect(await asked(server, 'The Chinese University of Hong Kong')).toBeNull();

    // The three old keys here (the shared graph may hold others a test wrote by hand).
    expect(await rekeyOrganizations(driver, testDatabase())).toBeGreaterThanOrEqual(3);
    expect(await keyOf('rekey:cuhk')).toBe('chinese university of hong kong');
    expect(await keyOf('rekey:tuebingen')).toBe('university of tubingen');
    expect(await keyOf('rekey:physics')).toBe('department of physics university of tubingen');
    // A registry child's key is its own name's: ROR's PART_OF does not make it a unit.
    expect(await keyOf('rekey:campus')).toBe('university of example north');

    // A server of its own: the first one may have cached its answers (writes outside the API).
    const after = inProcessServer();
    try {
      expect(await asked(after, 'The Chinese University of Hong Kong')).toBe('The Chinese University of Hong Kong');
      expect(await asked(after, 'University of Tuebingen')).toBe('Univ. of Tübingen');
    } finally {
      await after.close();
    }
    // Nothing left to change: a second run writes nothing.
    expect(await rekeyOrganizations(driver, testDatabase())).toBe(0);
  });
});
