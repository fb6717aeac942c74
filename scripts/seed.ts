/**
 * `npm run seed`: loads the seed graph (cypher/seed/) into the configured database, whether or
 * not it is empty. Idempotent: loading it again changes nothing.
 */
import { loadConfig } from '../src/config.js';
import { createDriver, waitForDatabase } from '../src/db/driver.js';
import { applySchema } from '../src/db/migrate.js';
import { SEED_FILE, loadSeed } from '../src/ingest/seed.js';
import { startLocalNeo4j } from '../src/local-neo4j/instance.js';

const config = loadConfig();
const uri = config.neo4j.uri ?? (await startLocalNeo4j(config.localNeo4j));
const driver = createDriver({ ...config.neo4j, uri });
try {
  await waitForDatabase(driver, config.neo4j.database, { timeoutMs: 60_000 });
  await applySchema(driver, config.neo4j.database);
  await loadSeed(driver, config.neo4j.database);
  console.log(`Loaded ${SEED_FILE} into ${uri} (database ${config.neo4j.database}).`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await driver.close();
}
