/**
 * `npm run bench:scale`: what a second copy of the server buys on this machine. Starts two copies
 * of the built server (`node dist/index.js`, NODE_ENV=production, each in a process of its own, against one
 * Neo4j, reached through neo4j://) and Debian's nginx with deploy/nginx.conf (bench/nginx.ts), then
 * runs bench:load's query mix with autocannon, in interleaved rounds (A B C A B C ...), against:
 *
 *   A  one copy, directly
 *   B  two copies behind nginx
 *   C  one copy behind nginx (what nginx itself costs)
 *
 * and prints, per setup, medians over the rounds of requests/s and latency, and where the CPU
 * went per 1,000 requests: the copies (node), nginx, Neo4j (java) and autocannon (this process),
 * read from /proc before and after each run. Reads only: no schema change, no seed.
 *
 *   npm run bench:scale -- --rounds 3 --duration 20 --connections 16
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import { connectionsOption, durationOption, jsonOption, neo4jOption, roundsOption, warmupOption } from './lib/cli.js';
import { drive, failedRequests } from './lib/drive.js';
import { loadMix, mixBodies } from './lib/load-mix.js';
import { startNginx, writeLocalNginxConfig } from './lib/nginx.js';
import { childrenOf, cpuMs, machineBusySeconds, pidListeningOn } from './lib/proc.js';
import { describeMachine, loadAverage } from './lib/report.js';
import { freePort, startBuiltServer } from './lib/server.js';
import { median, round } from './lib/stats.js';

const options = new Command('bench:scale')
  .description('One copy of the server against two behind nginx, on one Neo4j (loopback only)')
  .addOption(roundsOption(3, 'interleaved rounds (A B C per round)'))
  .addOption(durationOption(20, 'each measured run'))
  .addOption(warmupOption(10, 'unmeasured run of every setup before the rounds'))
  .addOption(connectionsOption(16))
  .addOption(neo4jOption())
  .addOption(jsonOption())
  .parse()
  .opts<{ rounds: number; duration: number; warmup: number; connections: number; neo4j: string; json?: string }>();

const { rounds, duration, warmup, connections } = options;
const neo4jUri = options.neo4j.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
const nginxes: ChildProcess[] = [];
// Whatever goes wrong, no nginx started here outlives the run (bench/lib/server.ts sees to the
// copies). SIGTERM, not SIGKILL: nginx's master then stops its workers, which would otherwise live on.
process.once('exit', () => nginxes.forEach((child) => child.exitCode === null && child.kill('SIGTERM')));

const progress = (line: string) => console.error(`[bench:scale] ${line}`);
progress('starting two copies of the server and nginx');
const copies = await Promise.all(
  ['copy 1', 'copy 2'].map((label) => startBuiltServer({ label, neo4j: { uri: neo4jUri }, env: { NODE_ENV: 'production' }, log: progress })),
);
const nginxDir = mkdtempSync(join(tmpdir(), 'bench-scale-nginx-'));
const [bothPort, onePort] = [await freePort(), await freePort()];
const address = (copy: (typeof copies)[number]) => copy.base.replace('http://', '');
const nginxBoth = startNginx(join(nginxDir, 'both'), writeLocalNginxConfig(join(nginxDir, 'both'), { listen: `127.0.0.1:${bothPort}`, upstreams: copies.map(address) }));
const nginxOne = startNginx(join(nginxDir, 'one'), writeLocalNginxConfig(join(nginxDir, 'one'), { listen: `127.0.0.1:${onePort}`, upstreams: [address(copies[0]!)] }));
nginxes.push(nginxBoth, nginxOne);

const setups = [
  { key: 'A', name: 'one copy, direct', base: copies[0]!.base },
  { key: 'B', name: 'two copies behind nginx', base: `http://127.0.0.1:${bothPort}` },
  { key: 'C', name: 'one copy behind nginx', base: `http://127.0.0.1:${onePort}` },
];
async function waitReady(base: string) {
  const deadline = Date.now() + 120_000;
  while ((await fetch(`${base}/ready`).then((response) => response.status, () => 0)) !== 200) {
    if (Date.now() > deadline) throw new Error(`${base} did not become ready (is Neo4j running at ${options.neo4j}?)`);
    await sleep(250);
  }
}
for (const setup of setups) await waitReady(setup.base);
progress('ready; finding ids to ask about and trying every query of the mix');

const { mix, weighted, asked } = await loadMix(copies[0]!.query);
for (const entry of mix) {
  const { query, variables } = entry.body() as { query: string; variables: Record<string, unknown> };
  await copies[0]!.query(query, variables);
}
progress('measuring');

// --- CPU accounting from /proc: user + system time ---
const javaPid = pidListeningOn(Number(new URL(neo4jUri.replace(/^neo4j(\+s|\+ssc)?:/, 'http:')).port || 7687)) ?? undefined;
const groups = () => ({
  copies: copies.map((copy) => copy.pid),
  nginx: [nginxBoth.pid!, nginxOne.pid!, ...childrenOf(nginxBoth.pid!), ...childrenOf(nginxOne.pid!)],
  neo4j: javaPid ? [javaPid] : [],
});
const cpuSeconds = (pid: number) => (cpuMs(pid) ?? 0) / 1000;
const sampleCpu = () => {
  const now = groups();
  return {
    machine: machineBusySeconds(),
    copies: now.copies.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    nginx: now.nginx.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    neo4j: now.neo4j.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    autocannon: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  };
};

interface RunFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** GraphQL error codes in responses, and how often. */
  errorCodes: Record<string, number>;
  requests: number;
  /** CPU seconds per 1,000 requests, by process group; and the share of the machine's cores used. */
  cpuPer1000: Record<string, number>;
  coresBusy: Record<string, number>;
}

async function run(base: string, seconds: number): Promise<RunFigures> {
  const before = sampleCpu();
  const started = performance.now();
  const driven = await drive({ url: `${base}/graphql`, connections, seconds, next: mixBodies(weighted) });
  const after = sampleCpu();
  const wall = (performance.now() - started) / 1000;
  const { result, errorCodes } = driven;
  const requests = result.requests.total;
  const used = Object.fromEntries(Object.entries(after).map(([group, seconds]) => [group, seconds - before[group as keyof typeof before]]));
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: failedRequests(driven),
    errorCodes,
    requests,
    cpuPer1000: Object.fromEntries(Object.entries(used).map(([group, seconds]) => [group, round((seconds / requests) * 1000, 3)])),
    coresBusy: Object.fromEntries(Object.entries(used).map(([group, seconds]) => [group, round(seconds / wall, 2)])),
  };
}

const machine = describeMachine();
const loadBefore = loadAverage();
console.error(`${machine.cores} cores, load average ${loadBefore.join(' ')}; Neo4j ${neo4jUri} (pid ${javaPid ?? 'not found'})`);
if (warmup > 0) for (const setup of setups) await run(setup.base, warmup);
const results = new Map(setups.map((setup) => [setup.key, [] as RunFigures[]]));
for (let index = 1; index <= rounds; index++) {
  for (const setup of setups) {
    const figures = await run(setup.base, duration);
    results.get(setup.key)!.push(figures);
    console.error(`round ${index} ${setup.key} (${setup.name}): ${Math.round(figures.requestsPerSecond)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, errors ${figures.errors} ${JSON.stringify(figures.errorCodes)}, cores busy ${JSON.stringify(figures.coresBusy)}`);
  }
}

const summary = setups.map((setup) => {
  const runs = results.get(setup.key)!;
  const groupsOf = Object.keys(runs[0]!.cpuPer1000);
  return {
    setup: `${setup.key}: ${setup.name}`,
    requestsPerSecond: Math.round(median(runs.map((r) => r.requestsPerSecond))),
    p50Ms: median(runs.map((r) => r.p50)),
    p99Ms: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    errorCodes: runs.reduce<Record<string, number>>((all, r) => {
      for (const [code, n] of Object.entries(r.errorCodes)) all[code] = (all[code] ?? 0) + n;
      return all;
    }, {}),
    cpuSecondsPer1000Requests: Object.fromEntries(groupsOf.map((group) => [group, round(median(runs.map((r) => r.cpuPer1000[group]!)), 3)])),
    coresBusy: Object.fromEntries(groupsOf.map((group) => [group, round(median(runs.map((r) => r.coresBusy[group]!)), 2)])),
  };
});
const figures = {
  machine,
  loadAverage: { before: loadBefore.map(Number), after: loadAverage().map(Number) },
  neo4j: neo4jUri,
  rounds,
  durationSeconds: duration,
  connections,
  queriesInMix: mix.map((entry) => `${entry.name}×${entry.weight}`).join(', '),
  asked,
  results: summary,
};
console.log(JSON.stringify(figures, null, 2));
console.table(Object.fromEntries(summary.map((s) => [s.setup, { 'req/s': s.requestsPerSecond, 'p50 ms': s.p50Ms, 'p99 ms': s.p99Ms, errors: s.errors, ...Object.fromEntries(Object.entries(s.coresBusy).map(([g, v]) => [`cores ${g}`, v])) }])));
if (options.json) writeFileSync(options.json, JSON.stringify(figures, null, 2));

await Promise.all(copies.map((copy) => copy.stop()));
for (const nginx of nginxes) nginx.kill('SIGTERM');
await sleep(1_000);
process.exit(summary.every((s) => s.errors === 0) ? 0 : 1);
