import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import './provided-context.js';

/**
 * The server's configuration for tests: the suite's Neo4j, any free port, no seeding, and no
 * response cache (RESPONSE_CACHE_TTL_MS=0): tests write through Cypher and read at once, and
 * count the statements of repeated queries. test/integration/response-cache.test.ts turns it on.
 */
export function testConfig(env: Record<string, string> = {}) {
  const neo4j = inject('neo4j');
  return loadConfig({
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    PORT: '0',
    METRICS_PORT: '0',
    SEED_ON_EMPTY: 'false',
    RESPONSE_CACHE_TTL_MS: '0',
    ...env,
  });
}

/** The real server, over real HTTP on a free port, against the suite's Neo4j; `env` as in production. */
export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(testConfig({ LOG_LEVEL: 'silent', ...env }), createLogger('silent'));
}

export function testDriver() {
  return createDriver(inject('neo4j'));
}

export const testDatabase = () => inject('neo4j').database;

/** Deletes a generated graph (tools/synthetic/) that a test wrote under its own prefix, and its source. */
export async function removeGeneratedGraph(driver: Driver, prefix: string): Promise<void> {
  await driver.executeQuery(
    'MATCH (n) WHERE n.id STARTS WITH $p OR n.id = $source DETACH DELETE n',
    { p: `${prefix}:`, source: `source:synthetic-${prefix}` },
    { database: testDatabase() },
  );
}

export interface GraphQLResponse<Data> {
  data?: Data;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function postGraphQL<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}
