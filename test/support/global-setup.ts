import type { TestProject } from 'vitest/node';
import './provided-context.js';
import { createDriver, graphDatabaseOn } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/migrate.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../tools/local-neo4j/instance.js';
import { testNeo4jSettings, wipeTestDatabase } from './test-neo4j.js';

/**
 * Starts the suite's own Neo4j (instance "test", ports 7688/7475 unless TEST_NEO4J_INSTANCE,
 * TEST_NEO4J_BOLT_PORT and TEST_NEO4J_HTTP_PORT say otherwise, so it never touches the dev
 * instance), wipes it, applies the schema and loads the seed. With TEST_NEO4J_URI set, that
 * server is used instead (never NEO4J_URI, the user's own): it is wiped only if it is empty or
 * marked as the suite's by an earlier run (test/support/test-neo4j.ts).
 */

export default async function setup(project: TestProject) {
  const settings = testNeo4jSettings();
  const startedHere = !settings.uri;
  const uri = settings.uri ?? (await startLocalNeo4j(settings.local));
  const connection = { uri, user: settings.user, password: settings.password, database: settings.database };

  const driver = createDriver(connection);
  try {
    await wipeTestDatabase(driver, connection.database, { where: uri, ownInstance: startedHere });
    await applySchema(driver, connection.database);
    await loadSeed(graphDatabaseOn(driver, connection.database));
  } finally {
    await driver.close();
  }
  project.provide('neo4j', connection);

  return async () => {
    if (startedHere) await stopLocalNeo4j(settings.local);
  };
}
