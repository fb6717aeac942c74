/**
 * `npm run bench:load`: a load run against the real server. Starts `src/index.ts` in a process of
 * its own on a free loopback port (against NEO4J_URI, by default the local dev Neo4j, which it
 * only reads: no schema changes, no seed), finds real ids through the API, then drives a mix of
 * the API's queries with autocannon for a fixed time and reports errors (HTTP and GraphQL),
 * latency percentiles, throughput and the server's memory before and after. Ends the server with
 * SIGTERM and reports how long it took to drain. Exits 1 if any request failed.
 *
 *   npm run bench:load -- --duration 300 --connections 8
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { projectRoot } from '../src/paths.js';
import { freePort } from './free-port.js';
import { loadMix, mixRequests } from './load-mix.js';

const options = new Command('bench:load')
  .description('Load run against the real server (loopback only), reporting errors, latency and memory')
  .option('--duration <seconds>', 'measured run length', '300')
  .option('--warmup <seconds>', 'unmeasured run before it', '15')
  .option('--connections <n>', 'concurrent connections', '8')
  .option('--neo4j <uri>', 'Neo4j to read from', process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687')
  .option('--json <file>', 'also write the figures as JSON to this file')
  .option('--response-cache', 'with the response cache on (off by default: the mix then measures execution; bench:cache compares the two)')
  .parse()
  .opts<{ duration: string; warmup: string; connections: string; neo4j: string; json?: string; responseCache?: boolean }>();

const duration = Number(options.duration);
const warmup = Number(options.warmup);
const connections = Number(options.connections);
if (![duration, warmup, connections].every((n) => Number.isInteger(n) && n >= 0) || duration < 1 || connections < 1) {
  throw new Error('--duration, --warmup and --connections take whole numbers (duration and connections at least 1)');
}


const port = await freePort();
const metricsPort = await freePort();
const base = `http://127.0.0.1:${port}`;
const url = `${base}/graphql`;
const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
  cwd: projectRoot,
  env: { ...process.env, NEO4J_URI: options.neo4j, HOST: '127.0.0.1', PORT: String(port), METRICS_PORT: String(metricsPort), APPLY_SCHEMA: 'false', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', RESPONSE_CACHE_TTL_MS: options.responseCache ? '60000' : '0' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
const stopServer = async () => {
  const started = performance.now();
  server.kill('SIGTERM');
  const code = await exited;
  return { code, drainMs: Math.round(performance.now() - started) };
};
process.once('SIGINT', () => void stopServer().then(() => process.exit(130)));
// Whatever goes wrong below, the server started here does not outlive the run.
process.once('exit', () => server.exitCode === null && server.kill('SIGKILL'));

async function post<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`Discovery query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : Number.NaN;
}

const deadline = Date.now() + 120_000;
while ((await fetch(`${base}/ready`).then((response) => response.status, () => 0)) !== 200) {
  if (Date.now() > deadline || server.exitCode !== null) throw new Error(`The server did not become ready at ${base} (is Neo4j running at ${options.neo4j}?)`);
  await sleep(250);
}

const { mix: MIX, weighted, asked } = await loadMix(post);

// Every query of the mix must work before it is measured.
for (const entry of MIX) {
  const { query, variables } = entry.body() as { query: string; variables: Record<string, unknown> };
  await post(query, variables);
}

const graphqlErrors = new Map<string, number>();
const latencies: number[] = [];
function run(seconds: number, measured: boolean): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        ...mixRequests(weighted, (codes) => {
          if (measured) for (const code of codes) graphqlErrors.set(code, (graphqlErrors.get(code) ?? 0) + 1);
        }),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (measured) instance.on('response', (_client, _status, _bytes, ms) => void latencies.push(ms));
  });
}

console.error(`Warming up for ${warmup} s, then ${duration} s with ${connections} connections against ${url} (Neo4j ${options.neo4j})...`);
if (warmup > 0) await run(warmup, false);
const rssBefore = await metric('process_resident_memory_bytes');
const heapBefore = await metric('nodejs_heap_size_used_bytes');
let rssPeak = rssBefore;
const sampler = setInterval(() => void metric('process_resident_memory_bytes').then((rss) => (rssPeak = Math.max(rssPeak, rss)), () => {}), 5_000);
const result = await run(duration, true);
clearInterval(sampler);
await sleep(2_000); // let the last responses' garbage go
const rssAfter = await metric('process_resident_memory_bytes');
const heapAfter = await metric('nodejs_heap_size_used_bytes');
const { code, drainMs } = await stopServer();

latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const errors = result.errors + result.timeouts + result.non2xx + [...graphqlErrors.values()].reduce((sum, n) => sum + n, 0);
const figures = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  neo4j: options.neo4j,
  durationSeconds: duration,
  connections,
  responseCache: Boolean(options.responseCache),
  queriesInMix: MIX.map((entry) => `${entry.name}×${entry.weight}`).join(', '),
  asked,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  errors: { total: errors, connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: Object.fromEntries(graphqlErrors) },
  latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99), max: latencies.at(-1) },
  memory: {
    rssBeforeMB: mb(rssBefore),
    rssAfterMB: mb(rssAfter),
    rssGrowthMB: mb(rssAfter - rssBefore),
    rssPeakMB: mb(rssPeak),
    heapUsedBeforeMB: mb(heapBefore),
    heapUsedAfterMB: mb(heapAfter),
  },
  shutdown: { exitCode: code, drainMs },
};
console.log(JSON.stringify(figures, null, 2));
if (options.json) writeFileSync(options.json, JSON.stringify(figures, null, 2));
process.exit(errors === 0 && code === 0 ? 0 : 1);
