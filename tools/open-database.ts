import type { Config } from '../src/config.js';
import { startLocalNeo4j } from './local-neo4j/instance.js';
import { createGraphDatabase, waitForDatabase, type GraphDatabase } from '../src/db/driver.js';
import { applySchema } from '../src/db/migrate.js';
import { rekeyOrganizations } from '../src/ingest/rekey-organizations.js';

export interface OpenDatabase extends GraphDatabase {
  uri: string;
}

/**
 * What every command-line tool needs before it writes: the configured Neo4j (or the project's
 * own, started if need be), answering, with the constraints and indexes in place and the
 * organizations keyed by today's rule (src/ingest/rekey-organizations.ts).
 */
export async function openDatabase(config: Config): Promise<OpenDatabase> {
  const uri = config.neo4j.uri ?? (await startLocalNeo4j(config.localNeo4j));
  // With the configured settings: an import's transactions get NEO4J_IMPORT_TIMEOUT_MS from them.
  const db = createGraphDatabase({ ...config.neo4j, uri }, config.driver);
  const { driver } = db;
  try {
    await waitForDatabase(driver, config.neo4j.database, { timeoutMs: 60_000 });
    await applySchema(driver, config.neo4j.database);
    await rekeyOrganizations(driver, config.neo4j.database);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return { ...db, uri };
}
