/**
 * `npm run bench:analytics [-- --runs 3 --betweenness-samples 256 --json FILE]`: the analytics job
 * (src/analytics/run.ts, what `npm run analytics` runs) timed on the imported conference paper
 * lists, in the explorer bench's instance (`bench-explorer`, ports 7697/7484; imported on first
 * use as bench:explorer does; left running when it already ran, stopped afterwards when this bench
 * started it). Runs the whole job `--runs` times one after the other and prints each run's step
 * times, the median of every step and of the total, Neo4j's heap sampled during the runs, and the
 * five largest communities with their top authors by PageRank and their top organizations.
 *
 * `--generated 1000000`: the same on a generated graph (tools/synthetic/, written by
 * scripts/generate-graph.ts in a child process) in an instance of its own,
 * `bench-analytics-<authors>` (ports 7713/7513, heap `--heap` 8g, page cache `--page-cache` 4g),
 * generated on first use (a marker file in the instance records that it finished, and how long
 * it took) and kept between runs; the instance is stopped afterwards unless `--keep`.
 *
 * Peak heap: Neo4j's heap in use (JMX java.lang:type=Memory, HeapMemoryUsage.used) sampled every
 * second during a run; its maximum includes garbage not yet collected. "Live after GC" is the most
 * the G1 old generation held right after a collection (its CollectionUsage), closer to what the
 * run needed. The open edition of GDS has no gds.systemMonitor.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import neo4j, { type Driver } from 'neo4j-driver';
import { ANALYTICS_STEPS, AnalyticsError, runAnalytics, type AnalyticsInput, type AnalyticsSummary } from '../src/analytics/run.js';
import { createDriver, graphDatabaseOn } from '../src/db/driver.js';
import { applySchema } from '../src/db/migrate.js';
import { integer, jsonOption } from './lib/cli.js';
import { projectRoot } from './lib/paths.js';
import { peakMemoryMiB, runMeasured } from './lib/proc.js';
import { describeMachine, machineLine } from './lib/report.js';
import { median } from './lib/stats.js';
import { instancePaths, localNeo4jSettings, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from './lib/tools.js';
import { sharedDataDir } from '../scripts/shared-data.js';

const options = new Command('bench:analytics')
  .option('--runs <n>', 'whole analytics runs, one after the other (default 3; 1 with --generated)', integer(1))
  .option('--generated <authors>', 'a generated graph of this many authors in an instance of its own, instead of the paper lists', integer(1))
  .option('--prefix <prefix>', 'the generated graph\'s id prefix', 'gen')
  .option('--seed <n>', 'the generated graph\'s seed', integer(0), 42)
  .option('--heap <size>', 'heap of the generated graph\'s instance', '8g')
  .option('--page-cache <size>', 'page cache of the generated graph\'s instance', '4g')
  .option('--betweenness-samples <n>', 'source authors sampled for betweenness (0: exact)', integer(0), 256)
  .option('--concurrency <n>', 'threads GDS uses (at most 4)', integer(1), 4)
  .option('--paths <dir>', 'paper lists to import when the explorer bench\'s graph is empty', join(sharedDataDir, 'paperlists'))
  .option('--keep', 'leave the instance running afterwards')
  .addOption(jsonOption())
  .parse()
  .opts<{
    runs?: number;
    generated?: number;
    prefix: string;
    seed: number;
    heap: string;
    pageCache: string;
    betweennessSamples: number;
    concurrency: number;
    paths: string;
    keep?: boolean;
    json?: string;
  }>();

const generated = options.generated;
const runCount = options.runs ?? (generated ? 1 : 3);
const base = localNeo4jSettings();
const local = generated
  ? { ...base, instance: `bench-analytics-${generated}`, boltPort: 7713, httpPort: 7513, heap: options.heap, pageCache: options.pageCache }
  : { ...base, instance: 'bench-explorer', boltPort: 7697, httpPort: 7484 };
const uri = `bolt://127.0.0.1:${local.boltPort}`;
const database = 'neo4j';
const quiet = () => {};
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const MiB = (bytes: number) => Math.round(bytes / 2 ** 20);
const timestamp = () => new Date().toISOString().slice(11, 19);

async function cypher<T = Record<string, unknown>>(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await driver.executeQuery(query, params, { database });
  return records.map((record) => record.toObject() as T);
}

/** A child process of this project (tsx loaded in-process), against the bench's instance. */
async function child(script: string, args: string[], env: Record<string, string> = {}) {
  const { code, seconds, peakMiB } = await runMeasured(['--import', 'tsx', script, ...args], {
    env: { NEO4J_URI: uri, NEO4J_PASSWORD: local.password, LOG_LEVEL: 'warn', ...env },
    pollMs: 1_000,
  });
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return { seconds, peakMiB };
}

// ---- the graph -----------------------------------------------------------------------------------

async function importPaperLists() {
  if (!existsSync(options.paths)) throw new Error(`No paper lists at ${options.paths} (set SHARED_DATA_DIR or --paths).`);
  console.log(`importing ${options.paths} (takes about a minute or two)`);
  const { seconds } = await child('scripts/import.ts', ['paperlist', options.paths, '--no-progress', '--report', join(projectRoot, 'test-results', 'bench-analytics-rejected.jsonl')]);
  console.log(`import done in ${seconds.toFixed(1)} s`);
  return seconds;
}

interface Generation {
  authors: number;
  prefix: string;
  seed: number;
  seconds: number;
  generatorPeakMiB: number;
  finishedAt: string;
}

/**
 * The generated graph, written by scripts/generate-graph.ts (the same code as `npm run generate`)
 * unless the marker says an earlier bench finished writing it. Writing is idempotent (MERGE), so a
 * generation cut short is completed by the next one.
 */
async function ensureGenerated(authors: number): Promise<Generation> {
  const marker = join(instancePaths(local.dir, local.instance).home, 'bench-generated.json');
  if (existsSync(marker)) {
    const done = JSON.parse(readFileSync(marker, 'utf8')) as Generation;
    if (done.authors === authors && done.prefix === options.prefix && done.seed === options.seed) {
      console.log(`generated graph already written (${done.authors} authors, in ${s(done.seconds * 1000)} on ${done.finishedAt})`);
      return done;
    }
  }
  console.log(`${timestamp()} generating ${authors} authors (prefix ${options.prefix}, seed ${options.seed}) with scripts/generate-graph.ts`);
  // The generator holds the whole graph (and its records) in memory before writing it: the peak
  // heap, measured below, grows with the authors.
  const { seconds, peakMiB } = await child(
    'scripts/generate-graph.ts',
    ['--authors', String(authors), '--prefix', options.prefix, '--seed', String(options.seed)],
    { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() },
  );
  const done: Generation = { authors, prefix: options.prefix, seed: options.seed, seconds, generatorPeakMiB: peakMiB, finishedAt: new Date().toISOString() };
  writeFileSync(marker, `${JSON.stringify(done, null, 2)}\n`);
  console.log(`${timestamp()} generation done in ${s(seconds * 1000)} (generator peak RSS ${Math.round(peakMiB)} MiB)`);
  return done;
}

// ---- Neo4j's memory during a run -------------------------------------------------------------------

interface HeapSample {
  usedMiB: number;
  liveAfterGcMiB: number;
  maxMiB: number;
  projectedGraphMiB: number;
}

/** Samples Neo4j's heap (JMX) and the size of GDS's projected graphs every second until stopped. */
function sampleHeap(driver: Driver) {
  const peak: HeapSample = { usedMiB: 0, liveAfterGcMiB: 0, maxMiB: 0, projectedGraphMiB: 0 };
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const [heap] = await cypher<{ used: number; max: number }>(
          driver,
          "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes " +
            'RETURN attributes.HeapMemoryUsage.value.properties.used AS used, attributes.HeapMemoryUsage.value.properties.max AS max',
        );
        const [old] = await cypher<{ live: number | null }>(
          driver,
          "CALL dbms.queryJmx('java.lang:type=MemoryPool,name=G1 Old Gen') YIELD attributes " +
            'RETURN attributes.CollectionUsage.value.properties.used AS live',
        );
        const graphs = await cypher<{ bytes: number }>(driver, 'CALL gds.graph.list() YIELD sizeInBytes RETURN sizeInBytes AS bytes');
        peak.usedMiB = Math.max(peak.usedMiB, MiB(Number(heap!.used)));
        peak.maxMiB = MiB(Number(heap!.max));
        peak.liveAfterGcMiB = Math.max(peak.liveAfterGcMiB, MiB(Number(old?.live ?? 0)));
        peak.projectedGraphMiB = Math.max(peak.projectedGraphMiB, MiB(graphs.reduce((sum, g) => sum + Number(g.bytes), 0)));
        samples++;
      } catch {
        // A sample that fails (the server busy) is skipped.
      }
      await sleep(1_000);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return { ...peak, samples };
  };
}

// ---- the five largest communities ------------------------------------------------------------------

interface CommunityLook {
  community: number;
  size: number;
  paperCount: number;
  years: string;
  topAuthors: string[];
  topOrganizations: string[];
  topTopics: string[];
}

/** The largest communities of a run, with names instead of ids (authors by PageRank, organizations by members). */
async function largestCommunities(driver: Driver, run: number, limit = 5): Promise<CommunityLook[]> {
  return cypher<CommunityLook>(
    driver,
    `MATCH (c:Community {run: $run})
     WITH c ORDER BY c.size DESC, c.community LIMIT $limit
     RETURN c.community AS community, c.size AS size, c.paperCount AS paperCount,
            toString(c.firstYear) + '–' + toString(c.lastYear) AS years,
            COLLECT {
              UNWIND range(0, size(c.topAuthorIds[0..5]) - 1) AS i
              MATCH (a:Author {id: c.topAuthorIds[i]})
              RETURN a.name + ' (' + toString(round(a.analyticsPageRank, 2)) + ')' ORDER BY i
            } AS topAuthors,
            COLLECT {
              UNWIND range(0, size(c.topOrganizationIds) - 1) AS i
              MATCH (o:Organization {id: c.topOrganizationIds[i]})
              RETURN o.name + ' (' + toString(c.topOrganizationMemberCounts[i]) + ')' ORDER BY i
            } AS topOrganizations,
            COLLECT {
              UNWIND range(0, size(c.topTopicIds) - 1) AS i
              MATCH (t:Topic {id: c.topTopicIds[i]})
              RETURN t.name ORDER BY i
            } AS topTopics`,
    { run: neo4j.int(run), limit: neo4j.int(limit) },
  ).then((rows) => rows.map((row) => ({ ...row, community: Number(row.community), size: Number(row.size), paperCount: Number(row.paperCount) })));
}

/**
 * The instance may be shared (bench:explorer's, or a server someone runs against it): while another
 * analytics run is alive, wait for it (up to 15 minutes) rather than fail; the wait is not timed.
 */
async function runWhenFree<T>(start: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      return await start();
    } catch (error) {
      if (!(error instanceof AnalyticsError && error.code === 'ALREADY_RUNNING') || Date.now() > deadline) throw error;
      console.log(`  ${timestamp()} ${error.message} Waiting.`);
      await sleep(5_000);
    }
  }
}

// ---- the run ---------------------------------------------------------------------------------------

const wasRunning = localNeo4jStatus(local).running;
let driver: Driver | undefined;
try {
  console.log(
    `${wasRunning ? 'using the running' : 'starting'} instance ${local.instance} (${uri}` +
      `${wasRunning ? '' : `, heap ${local.heap}, page cache ${local.pageCache}`})`,
  );
  await startLocalNeo4j(local, quiet);
  driver = createDriver({ uri, user: 'neo4j', password: local.password, database });
  await applySchema(driver, database);
  const neo4jPid = localNeo4jStatus(local).pid ?? null;

  let importSeconds: number | null = null;
  let generation: Generation | null = null;
  if (generated) generation = await ensureGenerated(generated);
  else if (Number((await cypher<{ n: number }>(driver, 'MATCH (p:Paper) RETURN count(p) AS n'))[0]!.n) === 0) importSeconds = await importPaperLists();

  const [data] = await cypher<{ authors: number; papers: number; authorships: number }>(
    driver,
    'CALL () { MATCH (a:Author) RETURN count(a) AS authors } CALL () { MATCH (p:Paper) RETURN count(p) AS papers } ' +
      'CALL () { MATCH (:Author)-[r:AUTHORED]->() RETURN count(r) AS authorships } RETURN authors, papers, authorships',
  );
  const parameters: AnalyticsInput = {
    betweennessSamples: options.betweennessSamples === 0 ? null : options.betweennessSamples,
    concurrency: options.concurrency,
  };
  console.log(
    `graph: ${Number(data!.authors)} authors, ${Number(data!.papers)} papers, ${Number(data!.authorships)} authorships; ` +
      `${runCount} run(s), betweenness ${parameters.betweennessSamples ?? 'exact'}, concurrency ${options.concurrency}`,
  );

  const runs: { summary: AnalyticsSummary; heap: HeapSample & { samples: number } }[] = [];
  for (let i = 0; i < runCount; i++) {
    console.log(`\n${timestamp()} run ${i + 1}/${runCount}`);
    const stop = sampleHeap(driver);
    let summary: AnalyticsSummary;
    let heap: HeapSample & { samples: number };
    try {
      summary = await runWhenFree(() =>
        runAnalytics(graphDatabaseOn(driver!, database), parameters, ({ index, step }) =>
          console.log(`  ${timestamp()} ${index < ANALYTICS_STEPS.length ? `step ${index + 1}: ${step}` : 'done'}`),
        ),
      );
    } finally {
      heap = await stop();
    }
    runs.push({ summary, heap });
    console.log(
      `  run ${summary.run}: ${s(summary.millis)}; ${summary.authorCount} authors, ${summary.linkCount} links, ` +
        `${summary.communityCount} communities (modularity ${summary.modularity.toFixed(3)}), ${summary.storedCommunityCount} stored; ` +
        `heap peak ${heap.usedMiB} MiB (live after GC ${heap.liveAfterGcMiB} MiB) of ${heap.maxMiB} MiB; projected graph ${heap.projectedGraphMiB} MiB`,
    );
  }

  // ---- figures ----
  const last = runs.at(-1)!.summary;
  console.log(
    `\nmachine: ${machineLine()}; ` +
      `instance ${local.instance}, heap max ${runs[0]!.heap.maxMiB} MiB${wasRunning ? ' (already running: its own settings)' : ` (configured ${local.heap}, page cache ${local.pageCache})`}`,
  );
  console.log(
    `data: ${generated ? `generated graph "${options.prefix}" (${generated} authors, seed ${options.seed})` : options.paths}: ` +
      `${Number(data!.authors)} authors, ${Number(data!.papers)} papers, ${Number(data!.authorships)} authorships` +
      (importSeconds === null ? '' : `; imported in ${importSeconds.toFixed(1)} s`) +
      (generation ? `; generated and written in ${s(generation.seconds * 1000)}` : ''),
  );
  console.log(
    `coauthor graph: ${last.authorCount} authors, ${last.linkCount} links; ${last.communityCount} communities (modularity ${last.modularity.toFixed(3)}), ` +
      `${last.storedCommunityCount} stored, ${last.communityLinkCount} community links; PageRank ${last.pageRankIterations} iterations; degeneracy ${last.degeneracy}`,
  );
  const table: Record<string, Record<string, string>> = {};
  const stepMedians: Record<string, number> = {};
  for (const step of ANALYTICS_STEPS) {
    const millis = runs.map((run) => run.summary.steps.find((st) => st.step === step)?.millis ?? NaN);
    stepMedians[step] = median(millis);
    table[step] = { median: s(median(millis)), ...Object.fromEntries(millis.map((ms, i) => [`run ${i + 1}`, s(ms)])) };
  }
  const totals = runs.map((run) => run.summary.millis);
  table.total = { median: s(median(totals)), ...Object.fromEntries(totals.map((ms, i) => [`run ${i + 1}`, s(ms)])) };
  const heaps = runs.map((run) => run.heap);
  table['heap peak (MiB)'] = { median: String(median(heaps.map((h) => h.usedMiB))), ...Object.fromEntries(heaps.map((h, i) => [`run ${i + 1}`, String(h.usedMiB)])) };
  table['live after GC (MiB)'] = { median: String(median(heaps.map((h) => h.liveAfterGcMiB))), ...Object.fromEntries(heaps.map((h, i) => [`run ${i + 1}`, String(h.liveAfterGcMiB)])) };
  table['projected graph (MiB)'] = { median: String(median(heaps.map((h) => h.projectedGraphMiB))), ...Object.fromEntries(heaps.map((h, i) => [`run ${i + 1}`, String(h.projectedGraphMiB)])) };
  console.log(`\nstep times (${runCount} run(s); the median of each step, and of the totals)`);
  console.table(table);
  const neo4jPeakRss = neo4jPid === null ? null : peakMemoryMiB(neo4jPid);
  if (neo4jPeakRss !== null) console.log(`Neo4j's peak RSS since it started (heap, page cache, GDS off-heap, ...): ${Math.round(neo4jPeakRss)} MiB`);

  const communities = await largestCommunities(driver, last.run);
  console.log(`\nthe ${communities.length} largest communities of run ${last.run} (top authors by PageRank; organizations by members affiliated)`);
  for (const c of communities) {
    console.log(`\ncommunity ${c.community}: ${c.size} authors, ${c.paperCount} papers, ${c.years}`);
    console.log(`  top authors:       ${c.topAuthors.join('; ')}`);
    console.log(`  top organizations: ${c.topOrganizations.join('; ') || '(none)'}`);
    console.log(`  top topics:        ${c.topTopics.join('; ') || '(none)'}`);
  }

  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify(
        {
          machine: describeMachine(),
          instance: { name: local.instance, heapMaxMiB: runs[0]!.heap.maxMiB, configuredHeap: wasRunning ? null : local.heap, pageCache: wasRunning ? null : local.pageCache },
          data: { ...Object.fromEntries(Object.entries(data!).map(([k, v]) => [k, Number(v)])), importSeconds, generation },
          parameters,
          runs,
          medians: { ...stepMedians, total: median(totals) },
          neo4jPeakRssMiB: neo4jPeakRss,
          communities,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nfigures written to ${options.json}`);
  }
} finally {
  await driver?.close();
  if (options.keep || wasRunning) console.log(`\ninstance ${local.instance} left running (${uri})${wasRunning ? ': it was running before' : ''}`);
  else await stopLocalNeo4j(local, quiet);
}
