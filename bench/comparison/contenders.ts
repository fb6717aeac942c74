/**
 * The three contenders as child processes on free loopback ports, all with NODE_ENV=production
 * against the same Neo4j: this project's built server (bench/lib/server.ts), @neo4j/graphql and
 * the floor (bench/compare/). Each reports how many Cypher statements it has sent and for how
 * many requests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/paths.js';
import { metricSample, startBuiltServer, startProcess, type ServerProcess } from '../lib/server.js';
import type { Database } from './graph.js';
import type { ContenderName } from './queries.js';

export const COMPARE_DIR = join(projectRoot, 'bench', 'compare');

export const LABELS: Record<ContenderName, string> = { this: 'this server', neo4jGraphql: '@neo4j/graphql', floor: 'floor' };

export interface Contender {
  name: ContenderName;
  url: string;
  pid: number;
  /** Cypher statements sent and requests served so far. */
  counters: () => Promise<{ statements: number; requests: number }>;
  stop: () => Promise<unknown>;
}

/** Installs bench/compare's own dependencies (its package-lock.json) when they are missing. */
export function installCompareDependencies(log: (line: string) => void) {
  if (existsSync(join(COMPARE_DIR, 'node_modules', '@neo4j', 'graphql'))) return;
  log('Installing bench/compare dependencies (npm ci --prefix bench/compare)...');
  const result = spawnSync('npm', ['ci', '--prefix', COMPARE_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit', cwd: projectRoot });
  if (result.status !== 0) throw new Error('npm ci --prefix bench/compare failed');
}

export async function startContender(name: ContenderName, db: Database, log: (line: string) => void): Promise<Contender> {
  const neo4j = { uri: db.uri, user: db.user, password: db.password, database: db.database };
  // The comparison is about answering a query; repeated bodies would otherwise be cache hits
  // (bench/response-cache.ts measures those).
  const env = { NODE_ENV: 'production', RESPONSE_CACHE_TTL_MS: '0' };
  let server: ServerProcess;
  let counters: Contender['counters'];
  if (name === 'this') {
    // The other two count every paper's byline; this server's default leaves papers of more than
    // 100 authors out of coauthor links (src/domain/bylines.ts), which an OpenAlex-shaped corpus
    // has (Q4, Q5 and Q7 differed on one): lifted, so that the three give the same answers.
    server = await startBuiltServer({ label: LABELS[name], neo4j, env: { ...env, MAX_AUTHORS_PER_PAPER: '1000000' }, log });
    counters = async () => {
      const text = await server.metrics();
      return {
        statements: metricSample(text, 'scholar_graph_cypher_statements_per_request_sum'),
        requests: metricSample(text, 'scholar_graph_cypher_statements_per_request_count'),
      };
    };
  } else {
    server = await startProcess({
      label: LABELS[name],
      args: [name === 'floor' ? 'floor.js' : 'neo4j-graphql.js'],
      cwd: COMPARE_DIR,
      env: { ...process.env, ...env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database },
    });
    counters = async () => (await (await fetch(`${server.base}/stats`)).json()) as { statements: number; requests: number };
  }
  return { name, url: server.url, pid: server.pid, counters, stop: server.stop };
}
