/**
 * The servers a benchmark measures, each a process of its own on free loopback ports: this
 * project's server as production runs it (`npm run build`, then `node dist/index.js`), or another
 * Node server (bench:compare's contenders). A server counts as started once GET /ready says 200.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from './paths.js';

/** A loopback port no one listens on now. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** A Prometheus sample's value in a /metrics text; NaN when the series is absent. */
export const metricSample = (text: string, series: string) => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? Number.NaN);

export interface ServerProcess {
  label: string;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The GraphQL endpoint: base + /graphql. */
  url: string;
  pid: number;
  /** The text of its Prometheus endpoint (METRICS_PORT). */
  metrics: () => Promise<string>;
  /** Runs a GraphQL query; throws when the answer has errors (for a benchmark's own reads). */
  query: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  /** SIGTERM, then SIGKILL after 10 s; the exit code and how long it took to exit. */
  stop: () => Promise<{ code: number | null; drainMs: number }>;
}

const READY_TIMEOUT_MS = 120_000;
const running = new Set<ChildProcess>();
// Whatever goes wrong, no server started here outlives the benchmark; Ctrl-C exits through
// 'exit' so that this runs.
process.once('exit', () => running.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
process.once('SIGINT', () => process.exit(130));

/**
 * Spawns `node <args>` in `cwd` with PORT and METRICS_PORT set to free ports, and waits until its
 * /ready answers 200. Its output goes to this process's stderr (stdout is the report's).
 */
export async function startProcess({ label, args, cwd, env }: { label: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }): Promise<ServerProcess> {
  const port = await freePort();
  const metricsPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // node itself, not npm or a shell: the pid is the process whose CPU time and memory are measured.
  const child = spawn(process.execPath, args, { cwd, env: { ...env, HOST: '127.0.0.1', PORT: String(port), METRICS_PORT: String(metricsPort) }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    process.stderr.write(chunk);
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while ((await fetch(`${base}/ready`).then((response) => response.status, () => 0)) !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${label} did not become ready at ${base} (node ${args.join(' ')}; is Neo4j running at ${env.NEO4J_URI}?):\n${output}`);
    }
    await sleep(200);
  }

  const url = `${base}/graphql`;
  return {
    label,
    base,
    url,
    pid: child.pid!,
    metrics: async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text(),
    query: async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data: T; errors?: unknown[] };
      if (body.errors) throw new Error(`${label}: the query failed: ${JSON.stringify(body.errors)}\n${query}`);
      return body.data;
    },
    stop: async () => {
      const started = performance.now();
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(10_000).then(() => (child.kill('SIGKILL'), exited))]);
      running.delete(child);
      return { code, drainMs: Math.round(performance.now() - started) };
    },
  };
}

/** How this server runs in production: the build's output. */
export const BUILT_SERVER = ['dist/index.js'];
/** What `npm run build` reads, and what it writes last (the server's, then the explorer's). */
const BUILD_INPUTS = ['src', 'explorer/src', 'explorer/index.html', 'explorer/public', 'explorer/vite.config.ts', 'explorer/tsconfig.json', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
// tsc's build info, not dist/index.js: an incremental build rewrites only the files that changed.
const BUILD_OUTPUTS = ['dist/.tsbuildinfo', 'explorer/dist/index.html'];
let built = false;

/** The newest modification time of a file or of any file below a folder; 0 when absent. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/**
 * Makes sure dist/ is the current source compiled: `npm run build` unless every output is newer
 * than every input (as make judges), once per benchmark run.
 */
export function buildServer(log: (line: string) => void = (line) => console.error(line)) {
  if (built) return;
  const inputs = Math.max(...BUILD_INPUTS.map((path) => newest(join(projectRoot, path))));
  const outputs = Math.min(...BUILD_OUTPUTS.map((path) => newest(join(projectRoot, path))));
  if (outputs > inputs && existsSync(join(projectRoot, BUILT_SERVER[0]!))) {
    log('The build (dist/, explorer/dist/) is newer than its sources: not rebuilt.');
  } else {
    log('Building the server (npm run build)...');
    const result = spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  built = true;
}

export interface Neo4jTarget {
  uri: string;
  /** Unset: the child's environment's (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) or the server's defaults. */
  user?: string;
  password?: string;
  database?: string;
}

/**
 * The built server (built first if this run has not yet) against `neo4j`, named explicitly: the
 * server does not provision a Neo4j of its own here. Reads only (no schema change, no seed),
 * logs warnings and errors. `env` adds to or overrides that, e.g. NODE_ENV or RESPONSE_CACHE_TTL_MS.
 */
export async function startBuiltServer({ label = 'the server', neo4j, env = {}, log }: { label?: string; neo4j: Neo4jTarget; env?: Record<string, string>; log?: (line: string) => void }) {
  buildServer(log);
  const target: Record<string, string> = { NEO4J_URI: neo4j.uri };
  if (neo4j.user !== undefined) target.NEO4J_USER = neo4j.user;
  if (neo4j.password !== undefined) target.NEO4J_PASSWORD = neo4j.password;
  if (neo4j.database !== undefined) target.NEO4J_DATABASE = neo4j.database;
  return startProcess({
    label,
    args: BUILT_SERVER,
    cwd: projectRoot,
    // ALLOW_DEFAULT_NEO4J_PASSWORD: benchmarks run the production build (NODE_ENV=production)
    // against the project's local Neo4j, which has the development password.
    env: { ...process.env, APPLY_SCHEMA: 'false', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', ALLOW_DEFAULT_NEO4J_PASSWORD: 'true', ...target, ...env },
  });
}
