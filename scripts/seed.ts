/**
 * `npm run seed`: loads the seed graph (cypher/seed/) into the configured database, whether or
 * not it is empty. Idempotent: loading it again changes nothing.
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../tools/open-database.js';
import { SEED_FILE, loadSeed } from '../src/ingest/seed.js';

try {
  const db = await openDatabase(loadConfig());
  const { driver, database, uri } = db;
  try {
    await loadSeed(db);
    console.log(`Loaded ${SEED_FILE} into ${uri} (database ${database}).`);
  } finally {
    await driver.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
