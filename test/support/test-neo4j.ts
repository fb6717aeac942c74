import type { Driver } from 'neo4j-driver';
import { loadConfig, type LocalNeo4jConfig } from '../../src/config.js';

/**
 * Which Neo4j the integration tests use, and the guard before they wipe it. Only TEST_NEO4J_*
 * variables choose it: NEO4J_URI names the user's own database (the server's), and the suite
 * deletes everything in its database at every run.
 */

export interface TestNeo4jSettings {
  /** TEST_NEO4J_URI; unset: the suite starts `local` itself. */
  uri: string | undefined;
  user: string;
  password: string;
  database: string;
  local: LocalNeo4jConfig;
}

export function testNeo4jSettings(env: NodeJS.ProcessEnv = process.env): TestNeo4jSettings {
  const local = localTestNeo4j(
    {
      instance: env.TEST_NEO4J_INSTANCE || 'test',
      boltPort: Number(env.TEST_NEO4J_BOLT_PORT || 7688),
      httpPort: Number(env.TEST_NEO4J_HTTP_PORT || 7475),
    },
    env,
  );
  return {
    uri: env.TEST_NEO4J_URI || undefined,
    user: env.TEST_NEO4J_USER || 'neo4j',
    password: env.TEST_NEO4J_PASSWORD || local.password,
    database: env.TEST_NEO4J_DATABASE || 'neo4j',
    local,
  };
}

/**
 * A local Neo4j instance of a test's own: the jars and memory settings of LOCAL_NEO4J_DIR,
 * HEAP and PAGECACHE, the password TEST_NEO4J_PASSWORD (else the development default), and the
 * instance name and ports given. Nothing else of the environment is read.
 */
export function localTestNeo4j(
  own: Pick<LocalNeo4jConfig, 'instance' | 'boltPort' | 'httpPort'>,
  env: NodeJS.ProcessEnv = process.env,
): LocalNeo4jConfig {
  const { LOCAL_NEO4J_DIR, LOCAL_NEO4J_HEAP, LOCAL_NEO4J_PAGECACHE, TEST_NEO4J_PASSWORD } = env;
  const shared = loadConfig({ LOCAL_NEO4J_DIR, LOCAL_NEO4J_HEAP, LOCAL_NEO4J_PAGECACHE, NEO4J_PASSWORD: TEST_NEO4J_PASSWORD }).localNeo4j;
  return { ...shared, ...own };
}

/** The label of the one node that marks a database as the test suite's, free to wipe. */
export const TEST_DATABASE_MARKER = 'ScholarGraphTestDatabase';

export class NotATestDatabaseError extends Error {
  override name = 'NotATestDatabaseError';
}

/** Writes the marker unless it is there. Its node has no `id`: no test's cleanup by id prefix matches it. */
export async function markTestDatabase(driver: Driver, database: string): Promise<void> {
  await driver.executeQuery(
    `MERGE (m:${TEST_DATABASE_MARKER}) ON CREATE SET m.note = 'The scholar-graph test suite deletes everything else in this database at every run.'`,
    {},
    { database },
  );
}

/**
 * Deletes everything in `database` but the marker, once it is sure the database is the suite's:
 * marked by an earlier run, empty (marked now), or the local instance the suite itself runs
 * (`ownInstance`, marked now). Anything else, a database holding nodes of its own, is refused
 * untouched.
 */
export async function wipeTestDatabase(driver: Driver, database: string, { where, ownInstance }: { where: string; ownInstance: boolean }): Promise<void> {
  const { records } = await driver.executeQuery(
    `RETURN COUNT { (m:${TEST_DATABASE_MARKER}) } AS marked, COUNT { (n) } AS nodes`,
    {},
    { database },
  );
  const marked = Number(records[0]!.get('marked'));
  const nodes = Number(records[0]!.get('nodes'));
  if (!marked && nodes > 0 && !ownInstance) {
    throw new NotATestDatabaseError(
      `Refusing to wipe ${where} (database "${database}"): it holds ${nodes} node${nodes === 1 ? '' : 's'} and no ` +
        `(:${TEST_DATABASE_MARKER}) node, so the test suite did not create it, and the integration tests delete everything in their database. ` +
        'Point TEST_NEO4J_URI at an empty scratch database (the suite marks it as its own on first use), ' +
        'or unset TEST_NEO4J_URI and the suite starts a Neo4j of its own.',
    );
  }
  if (!marked) await markTestDatabase(driver, database);
  await driver.executeQuery(`MATCH (n) WHERE NOT n:${TEST_DATABASE_MARKER} DETACH DELETE n`, {}, { database });
}
