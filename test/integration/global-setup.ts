import type { TestProject } from 'vitest/node';
import '../support/provided-context.js';
import { loadConfig } from '../../src/config.js';
import { createDriver, graphDatabaseOn } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/migrate.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/instance.js';

/**
 * Starts the suite's own Neo4j (instance "test", ports 7688/7475 unless TEST_NEO4J_INSTANCE,
 * TEST_NEO4J_BOLT_PORT and TEST_NEO4J_HTTP_PORT say otherwise, so it never touches the dev instance), wipes it, applies the schema and loads the
 * seed. With NEO4J_URI set, that server is used and wiped instead: point it at a scratch database.
 */

export default async function setup(project: TestProject) {
  const config = loadConfig();
  const local = {
    ...config.localNeo4j,
    instance: process.env.TEST_NEO4J_INSTANCE ?? 'test',
    boltPort: Number(process.env.TEST_NEO4J_BOLT_PORT ?? 7688),
    httpPort: Number(process.env.TEST_NEO4J_HTTP_PORT ?? 7475),
  };
  const startedHere = !config.neo4j.uri;
  const uri = config.neo4j.uri ?? (await startLocalNeo4j(local));
  const connection = { ...config.neo4j, uri };

  const driver = createDriver(connection);
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: connection.database });
    await applySchema(driver, connection.database);
    await loadSeed(graphDatabaseOn(driver, connection.database));
  } finally {
    await driver.close();
  }
  project.provide('neo4j', connection);

  return async () => {
    if (startedHere) await stopLocalNeo4j(local);
  };
}
