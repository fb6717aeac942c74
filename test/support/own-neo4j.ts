import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { LocalNeo4jConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/migrate.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../tools/local-neo4j/instance.js';
import { freePort } from './ports.js';
import { localTestNeo4j } from './test-neo4j.js';

/**
 * A Neo4j instance of a test file's own, for the files that stop, kill or wipe theirs (the
 * suite's shared one is never touched). Named after the suite's instance (TEST_NEO4J_INSTANCE,
 * "test" by default), so checkouts that share LOCAL_NEO4J_DIR do not share it, and on ports free
 * right now: fixed ones collided with other checkouts' instances on one machine. Its settings
 * come from the test variables only (./test-neo4j.ts), never from the user's NEO4J_*.
 */
export async function ownNeo4jConfig(name: string): Promise<LocalNeo4jConfig> {
  const suite = process.env.TEST_NEO4J_INSTANCE ?? 'test';
  const boltPort = await freePort();
  let httpPort = await freePort();
  while (httpPort === boltPort) httpPort = await freePort();
  return localTestNeo4j({ instance: `${suite}-${name}`, boltPort, httpPort });
}

/**
 * For a file whose tests each start from an empty graph on a Neo4j of its own: the instance is
 * started (schema applied) before the file's tests, emptied before each test and stopped after
 * them. Read `driver` inside tests and hooks: it exists once the instance has started.
 */
export async function ownEmptyNeo4jPerTest(name: string) {
  const local = await ownNeo4jConfig(name);
  const database = 'neo4j';
  const uri = `bolt://127.0.0.1:${local.boltPort}`;
  let driver: Driver | undefined;
  beforeAll(async () => {
    await startLocalNeo4j(local, () => {});
    driver = createDriver({ uri, user: 'neo4j', password: local.password, database });
    await applySchema(driver, database);
  }, 180_000);
  afterAll(async () => {
    await driver?.close();
    await stopLocalNeo4j(local, () => {});
  }, 60_000);
  beforeEach(async () => {
    await driver!.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
  });
  return {
    local,
    uri,
    database,
    get driver(): Driver {
      if (!driver) throw new Error(`the "${name}" Neo4j has not started yet: use its driver inside tests and hooks`);
      return driver;
    },
  };
}
