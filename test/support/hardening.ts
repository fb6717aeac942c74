import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer, type StartOptions } from '../../src/server.js';
import './provided-context.js';
export { freePort } from './ports.js';
import { fetchOf, testConfig, type GraphQLTarget, type LogLine } from './server.js';

export type { LogLine };

export interface ObservedServer extends RunningServer {
  /** http://host:port, without the GraphQL path. */
  base: string;
  logs: LogLine[];
  /** The per-request lines (src/http/observability.ts), oldest first. */
  requests: () => LogLine[];
}

/**
 * The real server over real HTTP, with its JSON log kept in memory, configured by environment
 * variables as in production (defaults: the suite's Neo4j, any free port, no seeding).
 */
export async function startObservedServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<ObservedServer> {
  const config = testConfig(env);
  const logs: LogLine[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const server = await startServer(config, logger, options);
  return {
    ...server,
    base: server.url.replace(/\/graphql$/, ''),
    logs,
    requests: () => logs.filter((line) => line.msg === 'request'),
  };
}

export interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
  headers: Headers;
}

/** POSTs a GraphQL request (application/json, as browsers preflight) and reads the answer. */
export async function graphql(target: GraphQLTarget, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const [url, send] = fetchOf(target);
  const response = await send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, text, headers: response.headers };
}

export const errorCodes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);

/** Polls until `check` is true, or fails after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
