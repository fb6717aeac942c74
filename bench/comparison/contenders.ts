/**
 * The three contenders as child processes on free loopback ports, all with NODE_ENV=production
 * against the same Neo4j: this project's server (compiled with `npm run build` when the project
 * has that script), @neo4j/graphql and the floor (bench/compare/). Each reports how many Cypher
 * statements it has sent and for how many requests.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import type { Database } from './graph.js';
import type { ContenderName } from './queries.js';
import { freePort } from '../free-port.js';

export const COMPARE_DIR = join(projectRoot, 'bench', 'compare');

/** How this server runs in production: the build's output. Change it here if the entry moves. */
const THIS_SERVER = { build: ['npm', ['run', 'build']] as const, args: ['dist/index.js'] };
/** Without a build script (older checkouts), the sources under tsx, and the report says so. */
const THIS_SERVER_FROM_SOURCES = ['--import', 'tsx', 'src/index.ts'];

export const LABELS: Record<ContenderName, string> = { this: 'this server', neo4jGraphql: '@neo4j/graphql', floor: 'floor' };

export interface Contender {
  name: ContenderName;
  url: string;
  pid: number;
  /** Cypher statements sent and requests served so far. */
  counters: () => Promise<{ statements: number; requests: number }>;
  stop: () => Promise<void>;
}

/** Installs bench/compare's own dependencies (its package-lock.json) when they are missing. */
export function installCompareDependencies(log: (line: string) => void) {
  if (existsSync(join(COMPARE_DIR, 'node_modules', '@neo4j', 'graphql'))) return;
  log('Installing bench/compare dependencies (npm ci --prefix bench/compare)...');
  const result = spawnSync('npm', ['ci', '--prefix', COMPARE_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit', cwd: projectRoot });
  if (result.status !== 0) throw new Error('npm ci --prefix bench/compare failed');
}

/** Builds this server when the project has a build script; says how it will be run. */
export function buildThisServer(log: (line: string) => void): string[] {
  const scripts = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.build) {
    log('No build script in package.json: this server runs from its sources under tsx.');
    return THIS_SERVER_FROM_SOURCES;
  }
  log('Building this server (npm run build)...');
  const [command, args] = THIS_SERVER.build;
  const result = spawnSync(command, [...args], { stdio: ['ignore', 'ignore', 'inherit'], cwd: projectRoot });
  if (result.status !== 0) throw new Error('npm run build failed');
  return THIS_SERVER.args;
}



/** A Prometheus sample's value from a /metrics text. */
const sample = (text: string, name: string) => Number(text.split('\n').find((line) => line.startsWith(`${name} `))?.split(' ')[1] ?? Number.NaN);

export async function startContender(name: ContenderName, db: Database, thisServerArgs: string[]): Promise<Contender> {
  const port = await freePort();
  const metricsPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    // The production build, against the local Neo4j and its development password.
    ALLOW_DEFAULT_NEO4J_PASSWORD: 'true',
    NEO4J_URI: db.uri,
    NEO4J_USER: db.user,
    NEO4J_PASSWORD: db.password,
    NEO4J_DATABASE: db.database,
    HOST: '127.0.0.1',
    PORT: String(port),
    METRICS_PORT: String(metricsPort),
    APPLY_SCHEMA: 'false',
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
    // The comparison is about answering a query; repeated bodies would otherwise be cache hits
    // (bench/response-cache.ts measures those).
    RESPONSE_CACHE_TTL_MS: '0',
  };
  const [cwd, args] =
    name === 'this'
      ? [projectRoot, thisServerArgs]
      : [COMPARE_DIR, [name === 'floor' ? 'floor.js' : 'neo4j-graphql.js']];
  // node itself, not npm or a shell: the pid is the process whose CPU time is measured.
  const child: ChildProcess = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));

  const deadline = Date.now() + 120_000;
  while ((await fetch(`${base}/ready`).then((r) => r.status, () => 0)) !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${LABELS[name]} did not become ready at ${base}:\n${stderr}`);
    }
    await sleep(200);
  }

  const counters =
    name === 'this'
      ? async () => {
          const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
          return {
            statements: sample(text, 'scholar_graph_cypher_statements_per_request_sum'),
            requests: sample(text, 'scholar_graph_cypher_statements_per_request_count'),
          };
        }
      : async () => (await (await fetch(`${base}/stats`)).json()) as { statements: number; requests: number };

  return {
    name,
    url: `${base}/graphql`,
    pid: child.pid!,
    counters,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}
