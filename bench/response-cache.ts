/**
 * `npm run bench:cache`: the response cache's worth. The built server (`node dist/index.js`, NODE_ENV=production)
 * runs twice, or three times, against one Neo4j: with the cache off (every request a miss: the
 * query runs), with the in-memory cache, and with Redis when `--redis` names one. Each gets the
 * same requests: an author page (the explorer's, 20 coauthors, 10 papers) for `--authors N`
 * authors in turn, so after the first round every cached request is a hit. Rounds are
 * interleaved (A B C A B C ...); the report gives medians of requests/s and p50/p99 latency, the
 * hit rate the cached servers counted, and the load of the machine.
 *
 *   npm run bench:cache -- --neo4j bolt://127.0.0.1:7687 [--redis redis://127.0.0.1:6379] [--rounds 3 --duration 10]
 */
import { Command } from 'commander';
import { connectionsOption, count, durationOption, neo4jOption, roundsOption, warmupOption } from './lib/cli.js';
import { drive, failedRequests, inTurn } from './lib/drive.js';
import { loadAverage, machineLine, markdownTable } from './lib/report.js';
import { metricSample, startBuiltServer, type ServerProcess } from './lib/server.js';
import { median } from './lib/stats.js';

const options = new Command('bench:cache')
  .description('throughput of cached reads (hits) against the same reads uncached (misses)')
  .addOption(neo4jOption('Neo4j to read from (not changed)'))
  .option('--redis <url>', 'also measure the cache in this Redis (its keys expire; nothing else is touched)')
  .addOption(roundsOption(3))
  .addOption(durationOption(10, 'seconds per run'))
  .addOption(warmupOption(3, 'unmeasured seconds per server before the rounds'))
  .addOption(connectionsOption(8))
  .addOption(count('--authors <n>', 'distinct author pages asked in turn', 1, 20))
  .parse()
  .opts<{ neo4j: string; redis?: string; rounds: number; duration: number; warmup: number; connections: number; authors: number }>();

const log = (line: string) => console.error(line);
const startServer = (label: string, cacheEnv: Record<string, string>) =>
  startBuiltServer({ label, neo4j: { uri: options.neo4j }, env: { NODE_ENV: 'production', ...cacheEnv }, log });

// A counter not yet incremented is not yet exported: 0.
const sample = (text: string, series: string) => metricSample(text, series) || 0;
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

async function run(url: string, bodies: string[], seconds: number) {
  const driven = await drive({ url, connections: options.connections, seconds, next: inTurn(bodies) });
  const { result } = driven;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: failedRequests(driven) };
}

const servers: ServerProcess[] = [];
try {
  servers.push(await startServer('cache off (misses)', { RESPONSE_CACHE_TTL_MS: '0' }));
  servers.push(await startServer('in-memory cache (hits)', { RESPONSE_CACHE_TTL_MS: '600000' }));
  if (options.redis) servers.push(await startServer('Redis cache (hits)', { RESPONSE_CACHE_TTL_MS: '600000', REDIS_URL: options.redis }));

  // The authors with the most coauthors among the newest papers, found through the API.
  const found = {
    data: await servers[0]!.query<{ authors: { totalCount: number }; papers: { totalCount: number; edges: { node: { authors: { id: string }[] } }[] } }>(
      '{ authors(first: 1, orderBy: PAPER_COUNT) { totalCount } papers(first: 100) { totalCount edges { node { authors { id } } } } }',
    ),
  };
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
  const [load1, load5, load15] = loadAverage();
  console.log(`machine: ${machineLine()}; load average ${load1} ${load5} ${load15} (1/5/15 min) at the end`);
  console.log(`graph: ${found.data.authors.totalCount} authors, ${found.data.papers.totalCount} papers (${options.neo4j}); ${ids.length} author pages in turn`);
  console.log(`runs: ${options.rounds} interleaved rounds × ${options.duration} s, ${options.connections} connections; medians\n`);
  const right = (title: string) => ({ title, align: 'right' as const });
  console.log(
    markdownTable(
      ['server', right('req/s'), right('p50 ms'), right('p99 ms'), right('errors'), right('hit rate %'), right('Cypher statements / request'), 'req/s each round'],
      rows.map((row) => [row.server, row.requestsPerSecond, row.p50Ms, row.p99Ms, row.errors, row.hitRate ?? '–', row.statementsPerRequest ?? '–', row.eachRound.join(', ')]),
    ),
  );
  const off = rows[0]!.requestsPerSecond;
  for (const row of rows.slice(1)) console.log(`\n${row.server}: ${(row.requestsPerSecond / off).toFixed(1)}× the requests/s of the cache off`);
  if (rows.some((row) => row.errors > 0)) process.exitCode = 1;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
