/**
 * `npm run bench:load`: a load run against the real server. Starts the built server
 * (`node dist/index.js`, bench/lib/server.ts) on a free loopback port against `--neo4j` (by default
 * NEO4J_URI, else the local dev Neo4j), which it only reads: no schema changes, no seed. Finds real
 * ids through the API, then drives a mix of the API's queries with autocannon for a fixed time and
 * reports errors (HTTP and GraphQL), latency percentiles, throughput and the server's memory
 * before and after. Ends the server with SIGTERM and reports how long it took to drain. Exits 1
 * if any request failed.
 *
 *   npm run bench:load -- --duration 300 --connections 8
 */
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import { connectionsOption, durationOption, jsonOption, neo4jOption, warmupOption } from './lib/cli.js';
import { drive } from './lib/drive.js';
import { loadMix, mixBodies } from './lib/load-mix.js';
import { describeMachine } from './lib/report.js';
import { metricSample, startBuiltServer } from './lib/server.js';
import { quantiles, sum } from './lib/stats.js';

const options = new Command('bench:load')
  .description('Load run against the real server (loopback only), reporting errors, latency and memory')
  .addOption(durationOption(300, 'measured run length'))
  .addOption(warmupOption(15, 'unmeasured run before it'))
  .addOption(connectionsOption(8))
  .addOption(neo4jOption())
  .addOption(jsonOption())
  .option('--response-cache', 'with the response cache on (off by default: the mix then measures execution; bench:cache compares the two)')
  .parse()
  .opts<{ duration: number; warmup: number; connections: number; neo4j: string; json?: string; responseCache?: boolean }>();

const { duration, warmup, connections } = options;
const server = await startBuiltServer({ neo4j: { uri: options.neo4j }, env: { RESPONSE_CACHE_TTL_MS: options.responseCache ? '60000' : '0' } });

const metric = async (name: string) => metricSample(await server.metrics(), name);

const { mix: MIX, weighted, asked } = await loadMix(server.query);

// Every query of the mix must work before it is measured.
for (const entry of MIX) {
  const { query, variables } = entry.body() as { query: string; variables: Record<string, unknown> };
  await server.query(query, variables);
}

const latencies: number[] = [];
const run = (seconds: number, measured: boolean) =>
  drive({ url: server.url, connections, seconds, next: mixBodies(weighted), ...(measured ? { onLatency: (ms: number) => void latencies.push(ms) } : {}) });

console.error(`Warming up for ${warmup} s, then ${duration} s with ${connections} connections against ${server.url} (Neo4j ${options.neo4j})...`);
if (warmup > 0) await run(warmup, false);
const rssBefore = await metric('process_resident_memory_bytes');
const heapBefore = await metric('nodejs_heap_size_used_bytes');
let rssPeak = rssBefore;
const sampler = setInterval(() => void metric('process_resident_memory_bytes').then((rss) => (rssPeak = Math.max(rssPeak, rss)), () => {}), 5_000);
const { result, errorCodes } = await run(duration, true);
clearInterval(sampler);
await sleep(2_000); // let the last responses' garbage go
const rssAfter = await metric('process_resident_memory_bytes');
const heapAfter = await metric('nodejs_heap_size_used_bytes');
const { code, drainMs } = await server.stop();

const [p50, p95, p99, max] = quantiles(latencies, [0.5, 0.95, 0.99, 1]);
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const errors = result.errors + result.timeouts + result.non2xx + sum(Object.values(errorCodes));
const figures = {
  machine: describeMachine(),
  neo4j: options.neo4j,
  durationSeconds: duration,
  connections,
  responseCache: Boolean(options.responseCache),
  queriesInMix: MIX.map((entry) => `${entry.name}×${entry.weight}`).join(', '),
  asked,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  errors: { total: errors, connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: errorCodes },
  latencyMs: { p50, p95, p99, max },
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
