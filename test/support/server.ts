import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDriver, createGraphDatabase } from '../../src/db/driver.js';
import { createLogger } from '../../src/logger.js';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { GRAPHQL_PATH, createYogaServer } from '../../src/yoga.js';
import './provided-context.js';

/**
 * The server's configuration for tests: the suite's Neo4j, any free port, no seeding, and no
 * response cache (RESPONSE_CACHE_TTL_MS=0): tests write through Cypher and read at once, and
 * count the statements of repeated queries. test/e2e/response-cache.test.ts turns it on.
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
    // Tests of the production profile run it against the suite's Neo4j and its test password.
    ALLOW_DEFAULT_NEO4J_PASSWORD: 'true',
    ...env,
  });
}

/** The real server, over real HTTP on a free port, against the suite's Neo4j; `env` as in production. */
export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(testConfig({ LOG_LEVEL: 'silent', ...env }), createLogger('silent'));
}

/** One structured log line of the server. */
export type LogLine = Record<string, unknown> & { level: number; msg: string };

/** The server's request handler, in this process: `fetch` goes straight to it, no socket. */
export interface InProcessServer {
  /** The GraphQL endpoint's URL, for `fetch` (nothing listens on it). */
  url: string;
  /** http://in-process, without the GraphQL path. */
  base: string;
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** The server's JSON log, in memory. */
  logs: LogLine[];
  /** The per-request lines (src/http/observability.ts), oldest first. */
  requests: () => LogLine[];
  close: () => Promise<void>;
}

/**
 * The GraphQL server as startTestServer configures it from `env` (repositories, tokens, profile,
 * limits), answering through yoga.fetch over the suite's Neo4j: for tests whose point is what
 * the API answers, not HTTP. It starts at once: no port, and no schema or Graph Data Science
 * warm-up, which the suite's global setup did once.
 */
export function inProcessServer(env: Record<string, string> = {}): InProcessServer {
  const config = testConfig(env);
  const db = createGraphDatabase(inject('neo4j'), config.driver);
  const logs: LogLine[] = [];
  const yoga = createYogaServer({
    repositories: createRepositoryFactory(db, { maxAuthorsPerPaper: config.maxAuthorsPerPaper }),
    logger: createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) }),
    apiTokens: config.apiTokens,
    profile: config.profile,
    limits: config.limits,
    bodyLimitBytes: config.httpSettings.bodyLimitBytes,
    frontend: config.frontend,
  });
  const base = 'http://in-process';
  return {
    url: `${base}${GRAPHQL_PATH}`,
    base,
    // yoga.fetch types its init as @whatwg-node/fetch's RequestInit, the same shape as the global one.
    fetch: async (input, init) => yoga.fetch(input, init as Parameters<typeof yoga.fetch>[1]),
    logs,
    requests: () => logs.filter((line) => line.msg === 'request'),
    close: async () => {
      await yoga.dispose();
      await db.driver.close();
    },
  };
}

/** Where a test sends GraphQL: a URL (real HTTP), or a server with its own `fetch` (in-process). */
export type GraphQLTarget = string | { url: string; fetch?: InProcessServer['fetch'] };

export const fetchOf = (target: GraphQLTarget): [string, InProcessServer['fetch']] =>
  typeof target === 'string' ? [target, fetch] : [target.url, target.fetch ?? fetch];

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
  target: GraphQLTarget,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  const [url, send] = fetchOf(target);
  const response = await send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}
