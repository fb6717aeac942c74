/**
 * `npm run bench:compare`: this server beside @neo4j/graphql and a hand-written floor (the
 * contenders in bench/compare/, with their own dependencies, installed on first use), on one
 * Neo4j and one graph, query by query, in interleaved rounds (A B C A B C ...), after checking
 * that the three give the same answers. Prints the machine, the graph, and the medians as
 * markdown tables with this server's ratios to the other two. Exits 1 when answers differ or
 * requests failed.
 *
 *   npm run bench:compare                         # 20,000 generated authors, 3 rounds × 15 s
 *   npm run bench:compare -- --authors 1000000    # another generated graph (prefix gen1000000)
 *   npm run bench:compare -- --graph paperlists   # the imported conference paper lists
 *   npm run bench:compare -- --graph database     # every author of NEO4J_URI's graph (e.g. bench:corpus's)
 *   npm run bench:compare -- --short              # everything in a few minutes: 2,000 authors, 1 round × 2 s
 */
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { installCompareDependencies, LABELS, startContender, type Contender } from './comparison/contenders.js';
import { connect, deleteGeneratedGraph, ensureGeneratedGraph, graphFigures, hasPaperLists, samplePool, seedFor, type GraphChoice } from './comparison/graph.js';
import { measure, post, type Run } from './comparison/measure.js';
import { CONTENDERS, QUERIES, type ContenderName } from './comparison/queries.js';
import { medians, tables, type QueryResult } from './comparison/report.js';
import { connectionsOption, count, durationOption, integer, jsonOption, roundsOption, warmupOption } from './lib/cli.js';
import { pidListeningOn } from './lib/proc.js';
import { describeMachine, machineLine } from './lib/report.js';
import { BUILT_SERVER } from './lib/server.js';

const options = new Command('bench:compare')
  .description('this server vs @neo4j/graphql vs a one-statement floor, on one Neo4j and one graph')
  .addOption(count('--authors <n>', 'authors of the generated graph (default 20000; 2000 with --short)', 10))
  .option('--prefix <prefix>', 'id prefix of the generated graph (default gen, or gen<authors> for other sizes)')
  .option('--seed <n>', 'generator seed (default 42 for prefix gen, else derived from the prefix)', integer(0))
  .addOption(new Option('--graph <kind>', 'generated graph, the imported paper lists, or every author of the database').choices(['generated', 'paperlists', 'database']).default('generated'))
  .addOption(roundsOption(undefined, 'interleaved rounds per query (default 3; 1 with --short)'))
  .addOption(durationOption(undefined, 'length of each measured run (default 15; 2 with --short)'))
  .addOption(warmupOption(undefined, 'unmeasured load per contender before each query (default 3; 1 with --short)'))
  .addOption(connectionsOption(8))
  .option('--queries <list>', 'comma-separated query ids', (value) => value.split(',').map((q) => q.trim().toUpperCase()))
  .option('--short', 'a quick run for smoke tests: small graph, 1 round, 2 s runs')
  .addOption(jsonOption())
  .option('--delete-graph', 'delete the generated graph afterwards (for throwaway prefixes)')
  .showHelpAfterError()
  .parse()
  .opts<{
    authors?: number; prefix?: string; seed?: number; graph: GraphChoice['kind']; rounds?: number; duration?: number; warmup?: number;
    connections: number; queries?: string[]; short?: boolean; json?: string; deleteGraph?: boolean;
  }>();

const short = options.short ?? false;
const authors = options.authors ?? (short ? 2_000 : 20_000);
const rounds = options.rounds ?? (short ? 1 : 3);
const duration = options.duration ?? (short ? 2 : 15);
const warmup = options.warmup ?? (short ? 1 : 3);
const prefix = options.prefix ?? (authors === 20_000 ? 'gen' : `gen${authors}`);
const seed = options.seed ?? seedFor(prefix);
const queries = options.queries ? QUERIES.filter((q) => options.queries!.includes(q.id)) : QUERIES;
if (queries.length === 0) throw new InvalidArgumentError(`--queries: none of ${options.queries} is one of ${QUERIES.map((q) => q.id)}`);
const log = (line: string) => console.error(line);

installCompareDependencies(log);
const db = await connect();
const contenders: Contender[] = [];
let exitCode = 0;
try {
  const graph: GraphChoice = options.graph === 'generated' ? { kind: 'generated', prefix } : { kind: options.graph };
  if (graph.kind === 'paperlists' && !(await hasPaperLists(db))) {
    log(`No imported paper lists in ${db.uri}. Import them first:\n  npm run import -- paperlist ../shared/data/paperlists`);
    process.exit(2);
  }
  if (graph.kind === 'generated') await ensureGeneratedGraph(db, authors, prefix, seed, log);
  const sample = await samplePool(db, graph);
  const figures = await graphFigures(db, graph);

  // Neo4j's CPU time is read from its process, when it runs on this machine.
  const { hostname, port } = new URL(db.uri.replace(/^[a-z+]+:/, 'http:'));
  const neo4jPid = ['127.0.0.1', 'localhost', '[::1]'].includes(hostname) ? pidListeningOn(Number(port || 7687)) : null;

  for (const name of CONTENDERS) contenders.push(await startContender(name, db, log));
  const byName = Object.fromEntries(contenders.map((c) => [c.name, c])) as Record<ContenderName, Contender>;
  const bodies = (q: (typeof QUERIES)[number], c: ContenderName) =>
    Array.from({ length: 100 }, (_, i) => JSON.stringify({ query: q.forms[c].query, variables: q.forms[c].variables(sample, i) }));

  // Same facts from all three before anything is timed.
  const agreement = new Map<string, boolean>();
  for (const q of queries) {
    let agreed = true;
    for (let i = 0; i < (short ? 3 : 5); i++) {
      const answers = await Promise.all(
        CONTENDERS.map(async (c) => {
          const body = bodies(q, c)[i]!;
          const response = await post(byName[c].url, body);
          if (response.errors || !response.data) return { c, facts: null, raw: JSON.stringify(response).slice(0, 500) };
          try {
            return { c, facts: JSON.stringify(q.forms[c].canonical(response.data)), raw: '' };
          } catch (error) {
            return { c, facts: null, raw: `cannot read the answer: ${(error as Error).message}; ${JSON.stringify(response.data).slice(0, 300)}` };
          }
        }),
      );
      const reference = answers[0]!.facts;
      if (answers.some((a) => a.facts === null || a.facts !== reference)) {
        agreed = false;
        log(`\n!!! ${q.id}, variable set ${i}: the answers DIFFER`);
        for (const a of answers) log(`  ${LABELS[a.c]}: ${a.facts === null ? `ERROR ${a.raw}` : a.facts.slice(0, 600)}`);
      }
    }
    agreement.set(q.id, agreed);
    log(`${q.id} answers: ${agreed ? 'agree' : 'DIFFER'}`);
  }

  // Interleaved: every round runs each contender in turn, so drift hits all three alike.
  const results: QueryResult[] = [];
  for (const q of queries) {
    const runs: Record<ContenderName, Run[]> = { this: [], neo4jGraphql: [], floor: [] };
    if (warmup > 0) for (const c of contenders) await measure(c, neo4jPid, bodies(q, c.name), warmup, options.connections);
    for (let round = 1; round <= rounds; round++) {
      for (const c of contenders) {
        const run = await measure(c, neo4jPid, bodies(q, c.name), duration, options.connections);
        runs[c.name].push(run);
        log(`${q.id} round ${round} ${LABELS[c.name]}: ${run.requestsPerSecond.toFixed(0)} req/s, p99 ${run.p99Ms} ms, ${run.errors} errors`);
      }
    }
    results.push({
      id: q.id,
      title: q.title,
      ...(q.note ? { note: q.note } : {}),
      agreed: agreement.get(q.id)!,
      medians: { this: medians(runs.this), neo4jGraphql: medians(runs.neo4jGraphql), floor: medians(runs.floor) },
    });
  }

  const machine = { ...describeMachine(), thisServer: `node ${BUILT_SERVER.join(' ')}` };
  const setup = { graph: { generated: `generated, prefix "${prefix}", seed ${seed}, ${authors} authors`, paperlists: 'imported paper lists', database: `every author of ${db.uri}` }[graph.kind], rounds, durationSeconds: duration, warmupSeconds: warmup, connections: options.connections, neo4jUri: db.uri, neo4jPid };
  console.log(`\n## bench:compare\n`);
  console.log(`- machine: ${machineLine(machine)}; this server runs as \`${machine.thisServer}\``);
  console.log(`- Neo4j: ${figures.neo4j} at ${db.uri}${neo4jPid ? ` (pid ${neo4jPid})` : ' (CPU not measured: not a local process)'}; database ${figures.databaseNodes} nodes, ${figures.databaseRelationships} relationships`);
  console.log(`- graph: ${setup.graph}: ${figures.authors} authors, ${figures.papers} papers, ${figures.authored} AUTHORED`);
  console.log(`- ${rounds} interleaved round(s) × ${duration} s per contender and query, ${options.connections} connections, ${warmup} s warm-up; medians over rounds\n`);
  console.log(tables(results));

  const failed = results.filter((r) => !r.agreed).map((r) => r.id);
  const errored = results.filter((r) => CONTENDERS.some((c) => (r.medians[c].errors ?? 0) > 0)).map((r) => r.id);
  if (failed.length) {
    console.log(`\n**WARNING: answers differ for ${failed.join(', ')}: those figures compare different work.**`);
    exitCode = 1;
  }
  if (errored.length) {
    console.log(`\n**WARNING: requests failed for ${errored.join(', ')} (see the errors column).**`);
    exitCode = 1;
  }
  if (options.json) writeFileSync(options.json, JSON.stringify({ machine, setup, graph: figures, sample: { authors: sample.authors.length, pairs: sample.pairs.length, paths: sample.paths.length }, results }, null, 2));
} finally {
  for (const c of contenders) await c.stop();
  if (options.deleteGraph && options.graph === 'generated') await deleteGeneratedGraph(db, prefix);
  await db.driver.close();
}
process.exit(exitCode);
