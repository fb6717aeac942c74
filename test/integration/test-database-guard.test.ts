import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDatabase, testDriver } from '../support/server.js';
import { NotATestDatabaseError, TEST_DATABASE_MARKER, markTestDatabase, wipeTestDatabase } from '../support/test-neo4j.js';

/**
 * `npm test` never wipes a database that is not the suite's. Neo4j Community has one user
 * database, so the foreign database here is the suite's own with its marker taken away and a
 * node of someone else's added; the marker is put back afterwards, the foreign node removed.
 */

let driver: Driver;
const FOREIGN = 'test-database-guard:foreign';
const count = async (query: string, params: Record<string, unknown> = {}) =>
  Number((await driver.executeQuery(query, params, { database: testDatabase() })).records[0]!.get(0));

beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.executeQuery('MATCH (n {id: $id}) DETACH DELETE n', { id: FOREIGN }, { database: testDatabase() });
  await markTestDatabase(driver, testDatabase());
  await driver.close();
});

describe('the test database guard', () => {
  it('finds the suite database marked as its own after the global setup wiped it', async () => {
    expect(await count(`MATCH (m:${TEST_DATABASE_MARKER}) RETURN count(m)`)).toBe(1);
  });

  it('refuses to wipe a database holding nodes and no marker, leaving every node, and says what to do', async () => {
    await driver.executeQuery(`MATCH (m:${TEST_DATABASE_MARKER}) DELETE m`, {}, { database: testDatabase() });
    await driver.executeQuery('CREATE (:SomeoneElses {id: $id})', { id: FOREIGN }, { database: testDatabase() });
    const nodes = await count('MATCH (n) RETURN count(n)');

    const wipe = wipeTestDatabase(driver, testDatabase(), { where: inject('neo4j').uri, ownInstance: false });
    await expect(wipe).rejects.toThrow(NotATestDatabaseError);
    await expect(wipe).rejects.toThrow(/^Refusing to wipe bolt:\/\/\S+ \(database "neo4j"\): it holds \d+ nodes and no \(:ScholarGraphTestDatabase\) node/);
    await expect(wipe).rejects.toThrow(/Point TEST_NEO4J_URI at an empty scratch database/);

    expect(await count('MATCH (n {id: $id}) RETURN count(n)', { id: FOREIGN })).toBe(1);
    expect(await count('MATCH (n) RETURN count(n)')).toBe(nodes);
    expect(await count(`MATCH (m:${TEST_DATABASE_MARKER}) RETURN count(m)`)).toBe(0);
  });
});
