import type { LocalNeo4jConfig } from '../../src/config.js';
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
