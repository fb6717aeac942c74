/**
 * `npm run bench:cache`: the response cache's worth. The same server (compiled, NODE_ENV=production)
 * runs twice, or three times, against one Neo4j: with the cache off (every request a miss: the
 * query runs), with the in-memory cache, and with Redis when `--redis` names one. Each gets the
 * same requests: an author page (the explorer's, 20 coauthors, 10 papers) for `--authors N`
 * authors in turn, so after the first round every cached request is a hit. Rounds are
 * interleaved (A B C A B C ...); the report gives medians of requests/s and p50/p99 latency, the
 * hit rate the cached servers counted, and the load of the machine.
 *
 *   npm run bench:cache -- --neo4j bolt://127.0.0.1:7687 [--redis redis://127.0.0.1:6379] [--rounds 3 --duration 10]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { integer } from '../scripts/cli-options.js';
import { projectRoot } from '../src/paths.js';
import { CSRF_HEADER } from '../src/yoga.js';
import { buildThisServer } from './comparison/contenders.js';
import { freePort } from './free-port.js';

const options = new Command('bench:cache')
  .description('throughput of cached reads (hits) against the same reads uncached (misses)')
  .option('--neo4j <uri>', 'Neo4j to read from (not changed)', process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687')
  .option('--redis <url>', 'also measure the cache in this Redis (its keys expire; nothing else is touched)')
  .option('--rounds <n>', 'interleaved rounds', integer(1), 3)
  .option('--duration <seconds>', 'seconds per run', integer(1), 10)
  .option('--warmup <seconds>', 'unmeasured seconds per server before the rounds', integer(0), 3)
  .option('--connections <n>', 'concurrent connections', integer(1), 8)
  .option('--authors <n>', 'distinct author pages asked in turn', integer(1), 20)
  .parse()
  .opts<{ neo4j: string; redis?: string; rounds: number; duration: number; warmup: number; connections: number; authors: number }>();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

interface Server {
  label: string;
  url: string;
  metrics: () => Promise<string>;
  stop: () => Promise<void>;
}

async function startServer(label: string, args: string[], cacheEnv: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const metricsPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', ALLOW_DEFAULT_NEO4J_PASSWORD: 'true', NEO4J_URI: options.neo4j, HOST: '127.0.0.1', PORT: String(port), METRICS_PORT: String(metricsPort), APPLY_SCHEMA: 'false', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', ...cacheEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  const deadline = Date.now() + 120_000;
  while ((await fetch(`${base}/ready`).then((r) => r.status, () => 0)) !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${label}: the server did not become ready at ${base}`);
    await sleep(200);
  }
  return {
    label,
    url: `${base}/graphql`,
    metrics: async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text(),
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

const sample = (text: string, series: string) => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? 0);
const cacheCounts = (text: string) => ({
  hit: sample(text, 'scholar_graph_response_cache_requests_total{result="hit"}'),
  miss: sample(text, 'scholar_graph_response_cache_requests_total{result="miss"}'),
  statements: sample(text, 'scholar_graph_cypher_statements_per_request_sum'),
  requests: sample(text, 'scholar_graph_cypher_statements_per_request_count'),
});

const AUTHOR_PAGE = `query AuthorPage($id: ID!) { author(id: $id) { id name metrics { paperCount citationCount hIndex firstYear lastYear }
  affiliations { paperCount firstYear lastYear organization { name } }
  topics { paperCount topic { name } }
  papers(first: 10) { edges { node { id title year authors { name } } } }
  coauthors(first: 20) { totalCount edges { sharedPaperCount firstYear lastYear node { id name } } } } }`;

function run(url: string, bodies: string[], seconds: number) {
  let next = 0;
  let failed = 0;
  return new Promise<{ rps: number; p50: number; p99: number; errors: number }>((resolve, reject) => {
    autocannon(
      {
        url,
        connections: options.connections,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }), onResponse: (_status, body) => void (body.includes('"errors"') && failed++) }],
      },
      (error, result) =>
        error
          ? reject(error)
          : resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx + failed }),
    );
  });
}

const log = (line: string) => console.error(line);
const serverArgs = buildThisServer(log);
const servers: Server[] = [];
try {
  servers.push(await startServer('cache off (misses)', serverArgs, { RESPONSE_CACHE_TTL_MS: '0' }));
  servers.push(await startServer('in-memory cache (hits)', serverArgs, { RESPONSE_CACHE_TTL_MS: '600000' }));
  if (options.redis) servers.push(await startServer('Redis cache (hits)', serverArgs, { RESPONSE_CACHE_TTL_MS: '600000', REDIS_URL: options.redis }));

  // The authors with the most coauthors among the newest papers, found through the API.
  const found = (await (
    await fetch(servers[0]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ authors(first: 1, orderBy: PAPER_COUNT) { totalCount } papers(first: 100) { totalCount edges { node { authors { id } } } } }' }),
    })
  ).json()) as { data: { authors: { totalCount: number }; papers: { totalCount: number; edges: { node: { authors: { id: string }[] } }[] } }; errors?: unknown };
  if (found.errors) throw new Error(`Discovery query failed: ${JSON.stringify(found.errors)}`);
  const ids = [...new Set(found.data.papers.edges.flatMap((edge) => edge.node.authors.map((author) => author.id)))].slice(0, options.authors);
  if (!ids.length) throw new Error('The graph has no authors to ask about');
  const bodies = ids.map((id) => JSON.stringify({ query: AUTHOR_PAGE, variables: { id } }));

  log(`Warming up ${options.warmup} s each...`);
  for (const server of servers) if (options.warmup > 0) await run(server.url, bodies, options.warmup);

  const before = await Promise.all(servers.map(async (server) => cacheCounts(await server.metrics())));
  const runs = servers.map(() => [] as Awaited<ReturnType<typeof run>>[]);
  for (let round = 1; round <= options.rounds; round++) {
    for (const [index, server] of servers.entries()) {
      log(`round ${round}/${options.rounds}: ${server.label}...`);
      runs[index]!.push(await run(server.url, bodies, options.duration));
    }
  }
  const after = await Promise.all(servers.map(async (server) => cacheCounts(await server.metrics())));

  const rows = servers.map((server, index) => {
    const measured = runs[index]!;
    const counted = { hit: after[index]!.hit - before[index]!.hit, miss: after[index]!.miss - before[index]!.miss };
    const requests = after[index]!.requests - before[index]!.requests;
    return {
      server: server.label,
      requestsPerSecond: Math.round(median(measured.map((r) => r.rps))),
      p50Ms: median(measured.map((r) => r.p50)),
      p99Ms: median(measured.map((r) => r.p99)),
      errors: measured.reduce((sum, r) => sum + r.errors, 0),
      hitRate: counted.hit + counted.miss ? Math.round((1000 * counted.hit) / (counted.hit + counted.miss)) / 10 : null,
      statementsPerRequest: requests ? Math.round((100 * (after[index]!.statements - before[index]!.statements)) / requests) / 100 : null,
      eachRound: measured.map((r) => Math.round(r.rps)),
    };
  });
  const [load1, load5, load15] = loadavg().map((value) => value.toFixed(2));
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average ${load1} ${load5} ${load15} (1/5/15 min) at the end`);
  console.log(`graph: ${found.data.authors.totalCount} authors, ${found.data.papers.totalCount} papers (${options.neo4j}); ${ids.length} author pages in turn`);
  console.log(`runs: ${options.rounds} interleaved rounds × ${options.duration} s, ${options.connections} connections; medians\n`);
  console.log('| server | req/s | p50 ms | p99 ms | errors | hit rate % | Cypher statements / request | req/s each round |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    console.log(`| ${row.server} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors} | ${row.hitRate ?? '–'} | ${row.statementsPerRequest ?? '–'} | ${row.eachRound.join(', ')} |`);
  }
  const off = rows[0]!.requestsPerSecond;
  for (const row of rows.slice(1)) console.log(`\n${row.server}: ${(row.requestsPerSecond / off).toFixed(1)}× the requests/s of the cache off`);
  if (rows.some((row) => row.errors > 0)) process.exitCode = 1;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
