/**
 * `npm run bench:scale`: what a second copy of the server buys on this machine. Starts two copies
 * of the server (`src/index.ts`, NODE_ENV=production, each in a process of its own, against one
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
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { projectRoot } from '../src/paths.js';
import { freePort } from './free-port.js';
import { loadMix, mixRequests } from './load-mix.js';
import { startNginx, writeLocalNginxConfig } from './nginx.js';

const options = new Command('bench:scale')
  .description('One copy of the server against two behind nginx, on one Neo4j (loopback only)')
  .option('--rounds <n>', 'interleaved rounds (A B C per round)', '3')
  .option('--duration <seconds>', 'each measured run', '20')
  .option('--warmup <seconds>', 'unmeasured run of every setup before the rounds', '10')
  .option('--connections <n>', 'concurrent connections', '16')
  .option('--neo4j <uri>', 'Neo4j to read from', process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687')
  .option('--json <file>', 'also write the figures as JSON to this file')
  .parse()
  .opts<{ rounds: string; duration: string; warmup: string; connections: string; neo4j: string; json?: string }>();

const rounds = Number(options.rounds);
const duration = Number(options.duration);
const warmup = Number(options.warmup);
const connections = Number(options.connections);
if (![rounds, duration, warmup, connections].every((n) => Number.isInteger(n) && n >= 0) || rounds < 1 || duration < 1 || connections < 1) {
  throw new Error('--rounds, --duration, --warmup and --connections take whole numbers (all but warmup at least 1)');
}
const neo4jUri = options.neo4j.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
const children: ChildProcess[] = [];
// Whatever goes wrong, nothing started here outlives the run. SIGTERM, not SIGKILL: nginx's
// master then stops its workers, which would otherwise live on.
process.once('exit', () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM')));
process.once('SIGINT', () => process.exit(130));

async function startCopy(): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', ALLOW_DEFAULT_NEO4J_PASSWORD: 'true', NEO4J_URI: neo4jUri, HOST: '127.0.0.1', PORT: String(port), APPLY_SCHEMA: 'false', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  return { port, process: child };
}

async function waitReady(base: string) {
  const deadline = Date.now() + 120_000;
  while ((await fetch(`${base}/ready`).then((response) => response.status, () => 0)) !== 200) {
    if (Date.now() > deadline) throw new Error(`${base} did not become ready (is Neo4j running at ${options.neo4j}?)`);
    await sleep(250);
  }
}

const progress = (line: string) => console.error(`[bench:scale] ${line}`);
progress('starting two copies of the server and nginx');
const copies = await Promise.all([startCopy(), startCopy()]);
const nginxDir = mkdtempSync(join(tmpdir(), 'bench-scale-nginx-'));
const [bothPort, onePort] = [await freePort(), await freePort()];
const nginxBoth = startNginx(join(nginxDir, 'both'), writeLocalNginxConfig(join(nginxDir, 'both'), { listen: `127.0.0.1:${bothPort}`, upstreams: copies.map((copy) => `127.0.0.1:${copy.port}`) }));
const nginxOne = startNginx(join(nginxDir, 'one'), writeLocalNginxConfig(join(nginxDir, 'one'), { listen: `127.0.0.1:${onePort}`, upstreams: [`127.0.0.1:${copies[0]!.port}`] }));
children.push(nginxBoth, nginxOne);

const setups = [
  { key: 'A', name: 'one copy, direct', base: `http://127.0.0.1:${copies[0]!.port}` },
  { key: 'B', name: 'two copies behind nginx', base: `http://127.0.0.1:${bothPort}` },
  { key: 'C', name: 'one copy behind nginx', base: `http://127.0.0.1:${onePort}` },
];
for (const setup of setups) await waitReady(setup.base);
progress('ready; finding ids to ask about and trying every query of the mix');

const post = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const response = await fetch(`${setups[0]!.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`Discovery query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
};
const { mix, weighted, asked } = await loadMix(post);
for (const entry of mix) {
  const { query, variables } = entry.body() as { query: string; variables: Record<string, unknown> };
  await post(query, variables);
}
progress('measuring');

// --- CPU accounting from /proc: clock ticks of user + system time ---
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}
const childrenOf = (pid: number): number[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        return readFileSync(`/proc/${candidate}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    });
/** The Neo4j JVM: the process listening on the Bolt port. */
function neo4jPid(): number | undefined {
  const port = new URL(neo4jUri.replace(/^neo4j(\+s|\+ssc)?:/, 'http:')).port || '7687';
  const listing = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }).stdout;
  const pid = /pid=(\d+)/.exec(listing)?.[1];
  return pid ? Number(pid) : undefined;
}
const javaPid = neo4jPid();
const groups = () => ({
  copies: copies.map((copy) => copy.process.pid!),
  nginx: [nginxBoth.pid!, nginxOne.pid!, ...childrenOf(nginxBoth.pid!), ...childrenOf(nginxOne.pid!)],
  neo4j: javaPid ? [javaPid] : [],
});
/** Every process on the machine (/proc/stat): on a shared machine, what the others took too. */
function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + (fields[4] ?? 0);
  return (fields.reduce((sum, n) => sum + n, 0) - idle) / TICKS;
}
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

function run(base: string, seconds: number): Promise<RunFigures> {
  const before = sampleCpu();
  const started = performance.now();
  let graphqlErrors = 0;
  const errorCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}/graphql`,
        connections,
        duration: seconds,
        ...mixRequests(weighted, (codes) => {
          graphqlErrors++;
          for (const code of codes) errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        }),
      },
      (error, result) => {
        if (error) return reject(error);
        const after = sampleCpu();
        const wall = (performance.now() - started) / 1000;
        const requests = result.requests.total;
        const used = Object.fromEntries(Object.entries(after).map(([group, seconds]) => [group, seconds - before[group as keyof typeof before]]));
        resolve({
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
          errorCodes,
          requests,
          cpuPer1000: Object.fromEntries(Object.entries(used).map(([group, seconds]) => [group, round((seconds / requests) * 1000, 3)])),
          coresBusy: Object.fromEntries(Object.entries(used).map(([group, seconds]) => [group, round(seconds / wall, 2)])),
        });
      },
    );
  });
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const loadBefore = loadavg();
console.error(`${cpus().length} cores, load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')}; Neo4j ${neo4jUri} (pid ${javaPid ?? 'not found'})`);
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
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  loadAverage: { before: loadBefore.map((n) => round(n, 2)), after: loadavg().map((n) => round(n, 2)) },
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

for (const child of children) child.kill('SIGTERM');
await sleep(1_000);
process.exit(summary.every((s) => s.errors === 0) ? 0 : 1);
