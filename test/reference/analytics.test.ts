import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANALYTICS_STEPS,
  AnalyticsError,
  claimRun,
  executeRun,
  parseParameters,
  runAnalytics,
  type AnalyticsInput,
  type AnalyticsSummary,
} from '../../src/analytics/run.js';
import { generateGraph, type SyntheticGraph } from '../../tools/synthetic/generate.js';
import { writeGraph } from '../../tools/synthetic/write.js';
import { networkx, type NetworkxMeasures } from '../support/networkx.js';
import { removeAnalytics } from '../support/analytics.js';
import { removeGeneratedGraph, testDatabase, testDriver } from '../support/server.js';
import { graphDatabaseOn } from '../../src/db/driver.js';

/**
 * The analytics job (src/analytics/run.ts) against independent answers: the coauthor edge list is
 * exported here with a Cypher query of its own (the same rules, written apart from the job's
 * projection), and networkx computes the measures on it; the communities are checked against the
 * labs the generator planted.
 *
 * The database is the suite's shared one (the seed, and whatever generated graphs earlier files
 * wrote). Two graphs of this file's own are added: "anx" (400 authors) for the measures and
 * "anlab" (2,000 authors) for the planted communities. Generated graphs share no author or paper
 * with each other or the seed, so each is a union of whole components of the coauthor graph, and
 * a component's measures do not depend on the rest. Other files compare whole-graph fingerprints
 * (before and after something, within the file) and read the analytics of the seed
 * (analytics-api): afterAll removes everything the runs wrote (author figures, Community and
 * AnalyticsRun nodes, the lock) and this file's two graphs, so the next file sees the database as
 * it was.
 */

const MEASURES = 'anx';
const PLANTED = 'anlab';
const DAMPING = 0.85;
const PAGE_RANK_TOLERANCE = 1e-7;

let driver: Driver;
let planted: SyntheticGraph;
let main: AnalyticsSummary;

const database = () => testDatabase();
const rows = async <Row>(query: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(query, params, { database: database() })).records.map((record) => record.toObject() as Row);

/** Generated graphs have ids `<prefix>:author:<n>`; the seed's do not. */
const generatedPrefix = (id: string) => /^([a-z][a-z0-9-]*):author:\d+$/.exec(id)?.[1] ?? null;

interface EdgeListOptions {
  yearFrom?: number | null;
  yearTo?: number | null;
  minSharedPapers?: number;
  maxAuthorsPerPaper?: number;
}

/**
 * The coauthor graph as the job should project it, exported independently: one undirected link
 * per pair of authors on the same papers (in the years; papers with more than maxAuthorsPerPaper
 * authors left out), weighted by the papers they share, kept when they share minSharedPapers or
 * more. Every author is a node, linked or not.
 */
async function edgeList({ yearFrom = null, yearTo = null, minSharedPapers = 1, maxAuthorsPerPaper = 100 }: EdgeListOptions = {}) {
  const nodes = (await rows<{ id: string }>('MATCH (a:Author) RETURN a.id AS id ORDER BY id')).map((row) => row.id);
  const edges = (
    await rows<{ source: string; target: string; shared: number }>(
      `MATCH (p:Paper)<-[:AUTHORED]-(a:Author)
       WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
       WITH p, collect(DISTINCT a.id) AS byline
       WHERE size(byline) <= $maxAuthorsPerPaper
       UNWIND byline AS source
       UNWIND byline AS target
       WITH source, target, p WHERE source < target
       WITH source, target, count(DISTINCT p) AS shared
       WHERE shared >= $minSharedPapers
       RETURN source, target, shared ORDER BY source, target`,
      { yearFrom, yearTo, minSharedPapers: neo4j.int(minSharedPapers), maxAuthorsPerPaper: neo4j.int(maxAuthorsPerPaper) },
    )
  ).map(({ source, target, shared }) => [source, target, Number(shared)] as [string, string, number]);
  return { nodes, edges };
}

interface Figures {
  id: string;
  run: number | null;
  community: number | null;
  pageRank: number;
  betweenness: number;
  coreNumber: number;
  clustering: number;
}

const figures = async () =>
  rows<Figures>(
    `MATCH (a:Author)
     RETURN a.id AS id, a.analyticsRun AS run, a.analyticsCommunity AS community, a.analyticsPageRank AS pageRank,
            a.analyticsBetweenness AS betweenness, a.analyticsCoreNumber AS coreNumber, a.analyticsClustering AS clustering`,
  ).then((list) => list.map((f) => ({ ...f, run: f.run === null ? null : Number(f.run), community: f.community === null ? null : Number(f.community), coreNumber: Number(f.coreNumber) })));

const runNode = async (run: number) =>
  (await rows<{ run: Record<string, unknown> }>('MATCH (r:AnalyticsRun {id: $run}) RETURN properties(r) AS run', { run: neo4j.int(run) }))[0]?.run;

const communityCount = async (run: number) => Number((await rows<{ n: number }>('MATCH (c:Community {run: $run}) RETURN count(c) AS n', { run: neo4j.int(run) }))[0]!.n);

/** The job's own parameters, fast: betweenness from one source (the runs below check counts, not measures). */
const quick = (input: AnalyticsInput = {}): AnalyticsInput => ({ concurrency: 1, betweennessSamples: 1, ...input });

/** Everything the runs wrote, and this file's graphs. */
async function cleanUp() {
  await removeAnalytics(driver, database());
  for (const prefix of [MEASURES, PLANTED]) await removeGeneratedGraph(driver, prefix);
  await rows("CALL gds.graph.list() YIELD graphName WHERE graphName STARTS WITH 'scholar-graph-coauthors-run-' CALL gds.graph.drop(graphName, false) YIELD graphName AS dropped RETURN dropped");
}

beforeAll(async () => {
  driver = testDriver();
  await cleanUp();
  await writeGraph(driver, database(), generateGraph({ authors: 400, prefix: MEASURES, seed: 3 }));
  planted = generateGraph({ authors: 2_000, prefix: PLANTED, seed: 5 });
  await writeGraph(driver, database(), planted);
  // Exact betweenness, one thread: the run every comparison below reads.
  main = await runAnalytics(graphDatabaseOn(driver, database()), { concurrency: 1, betweennessSamples: null });
}, 120_000);

afterAll(async () => {
  await cleanUp();
  await driver?.close();
});

describe('one run over the whole graph, against networkx on an independently exported edge list', () => {
  let graph: Awaited<ReturnType<typeof edgeList>>;
  let stored: Map<string, Figures>;
  /** The seed and the "anx" graph (and other files' graphs): every component but the planted graph's 2,000 authors. */
  let compared: string[];
  let reference: NetworkxMeasures;

  beforeAll(async () => {
    graph = await edgeList();
    stored = new Map((await figures()).map((f) => [f.id, f]));
    compared = graph.nodes.filter((id) => generatedPrefix(id) !== PLANTED);
    const kept = new Set(compared);
    // Exact betweenness in Python is the slow part: the planted graph is left out (it is its own components).
    reference = await networkx('measures', { nodes: compared, edges: graph.edges.filter(([a, b]) => kept.has(a) && kept.has(b)) });
  }, 60_000);

  it('projects every author and exactly the links of the edge list, and records the run as complete with those counts', async () => {
    expect(main.authorCount).toBe(graph.nodes.length);
    expect(main.linkCount).toBe(graph.edges.length);
    expect(stored.size).toBe(graph.nodes.length);
    for (const f of stored.values()) expect(f.run).toBe(main.run);
    const node = await runNode(main.run);
    expect(node).toMatchObject({ status: 'complete', stepNames: [...ANALYTICS_STEPS], minSharedPapers: 1, maxAuthorsPerPaper: 100 });
    // Exact betweenness: null, which Neo4j stores as no property.
    expect(node!.betweennessSamples).toBeUndefined();
    expect(Number(node!.authorCount)).toBe(graph.nodes.length);
    expect(Number(node!.linkCount)).toBe(graph.edges.length);
    expect(Number(node!.storedCommunityCount)).toBe(await communityCount(main.run));
    expect((node!.stepMillis as unknown[]).length).toBe(ANALYTICS_STEPS.length);
    // Both generated graphs and the seed made links.
    expect(graph.edges.some(([a]) => generatedPrefix(a) === MEASURES)).toBe(true);
    expect(graph.edges.some(([a]) => generatedPrefix(a) === null)).toBe(true);
  });

  it('has the core numbers networkx has, exactly', () => {
    const differing = compared.filter((id) => stored.get(id)!.coreNumber !== reference.coreNumber[id]);
    expect(differing).toEqual([]);
    expect(Math.max(...compared.map((id) => reference.coreNumber[id]!))).toBeGreaterThan(2);
  });

  it('has the clustering coefficients networkx has, within 1e-6', () => {
    const worst = Math.max(...compared.map((id) => Math.abs(stored.get(id)!.clustering - reference.clustering[id]!)));
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  /**
   * The convention, found on the seed (Baixu Chen and coauthors): on an undirected graph GDS's
   * betweenness equals networkx's unnormalized undirected value, i.e. each unordered pair {s, t}
   * of authors counts once (GDS runs Brandes's algorithm from every source over both directions
   * of each link and halves the sums, as networkx does). The ratio GDS / networkx is 1, then
   * required of every author.
   */
  it('has networkx betweenness in the convention found on the seed (ratio 1: each pair of authors counted once), within 1e-6', () => {
    const seed = compared.filter((id) => generatedPrefix(id) === null && reference.betweenness[id]! > 0);
    expect(seed.length).toBeGreaterThan(0);
    const ratios = seed.map((id) => stored.get(id)!.betweenness / reference.betweenness[id]!);
    const ratio = ratios[0]!;
    for (const r of ratios) expect(r).toBeCloseTo(ratio, 9);
    expect(ratio).toBeCloseTo(1, 9);
    // Absolute below 1, relative above (the largest values are in the thousands).
    const off = compared.filter((id) => {
      const expected = ratio * reference.betweenness[id]!;
      return Math.abs(stored.get(id)!.betweenness - expected) > 1e-6 * Math.max(1, expected);
    });
    expect(off).toEqual([]);
    expect(compared.filter((id) => generatedPrefix(id) === MEASURES && reference.betweenness[id]! > 100).length).toBeGreaterThan(0);
  });

  /**
   * GDS's weighted PageRank is unnormalized: every author gets 1 - d plus d times the score that
   * flows along links in proportion to their weights; an author with no links (a dangling node)
   * keeps 1 - d and passes nothing on. networkx normalizes to sum 1 and spreads a dangling node's
   * score over everyone, but that spread is the same for every author, like the teleport term,
   * and an author with no links receives only that term in both: networkx's vector is GDS's
   * scaled, isolated authors included. So GDS's scores divided by their sum (over whole
   * components: here all but the planted graph's) must equal networkx's weightedPageRank there.
   *
   * The tolerance. GDS (its PageRankComputation, a Pregel program) starts every author at 1 - d
   * and adds, at each of its k iterations, the next term of the series sum_j (dW)^j (1 - d) 1; an
   * author whose increment is at most the tolerance (1e-7) stops passing it on. So its scores are
   * below the fixed point x*, never above, and the gap in L1 is S* - S, where S is the sum of its
   * scores and S* that of x*: the number of linked authors plus 1 - d per isolated one (W keeps
   * the sum). That gap is at most the series' tail, d^k per linked author, plus what stopped
   * authors kept back, at most 1e-7 per author and iteration, each worth d / (1 - d) downstream.
   * Normalized, the two vectors differ by at most 2 (S* - S) / S in L1. Here GDS stops at its
   * cap of 50 iterations before the tolerance: the stars that lab heads make are near-bipartite,
   * where the error shrinks only as 0.85^k. Single authors are then off by up to about 2e-4 of
   * their score (measured; networkx iterates to 1e-12), which is why the bound is in L1.
   */
  it('has networkx weighted PageRank once GDS scores are normalized to sum 1, within the L1 bound GDS\'s iterations give', () => {
    const k = main.pageRankIterations;
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThanOrEqual(50);
    const linked = new Set(graph.edges.flat());
    const n = compared.length;
    const nLinked = compared.filter((id) => linked.has(id)).length;
    const sum = compared.reduce((total, id) => total + stored.get(id)!.pageRank, 0);
    const fixedPointSum = nLinked + (1 - DAMPING) * (n - nLinked);
    // From below: no score above the fixed point (networkx's, scaled), to networkx's precision.
    const above = compared.filter((id) => stored.get(id)!.pageRank > reference.weightedPageRank[id]! * fixedPointSum * (1 + 1e-6));
    expect(above).toEqual([]);
    const gap = fixedPointSum - sum;
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(nLinked * DAMPING ** k + n * k * PAGE_RANK_TOLERANCE * (DAMPING / (1 - DAMPING)));
    const l1 = compared.reduce((total, id) => total + Math.abs(stored.get(id)!.pageRank / sum - reference.weightedPageRank[id]!), 0);
    expect(l1).toBeLessThanOrEqual((2 * gap) / sum + 1e-9);
    expect(l1).toBeLessThan(1e-3);
    // The weights count: unweighted PageRank is much farther away.
    const l1Unweighted = compared.reduce((total, id) => total + Math.abs(stored.get(id)!.pageRank / sum - reference.pageRank[id]!), 0);
    expect(l1Unweighted).toBeGreaterThan(10 * l1);
    // GDS's most central author is networkx's, or within 0.1% of it (a near tie may swap).
    const gdsTop = compared.reduce((best, id) => (stored.get(id)!.pageRank > stored.get(best)!.pageRank ? id : best));
    expect(reference.weightedPageRank[gdsTop]!).toBeGreaterThanOrEqual(Math.max(...compared.map((id) => reference.weightedPageRank[id]!)) * (1 - 1e-3));
    // An isolated author keeps exactly 1 - d.
    for (const id of compared.filter((id) => !linked.has(id))) expect(stored.get(id)!.pageRank).toBeCloseTo(1 - DAMPING, 12);
  });
});

describe('communities against the labs the generator planted', () => {
  it('writes no lab to the graph: the truth stays in the generator', async () => {
    const [row] = await rows<{ labelled: number; authors: number }>(
      'MATCH (a:Author) WHERE a.id STARTS WITH $p RETURN count(a.lab) AS labelled, count(a) AS authors',
      { p: `${PLANTED}:` },
    );
    expect(Number(row!.authors)).toBe(2_000);
    expect(Number(row!.labelled)).toBe(0);
  });

  /**
   * The bar the issue sets: NMI >= 0.9 between the planted labs (the generator's `lab`, a mover
   * counted in the lab of most of his or her papers) and the run's communities. The graph is a
   * fair planted case: 91.5% of the link weight lies inside labs. At Leiden's plain resolution
   * (gamma 1) it was not met (0.878 to 0.882 over runs; 91 labs of 15-30 authors came out as 42
   * or 43 communities): modularity's resolution limit merges two labs of internal weight ~94
   * (degree ~200 each) once more than 200 * 200 / 2m ~ 2.1 of link weight joins them (m ~ 9,500
   * here), which one guest on a paper of four already gives, and the limit grows with the rest of
   * the database. Measured with gds.leiden.stream on this kind of graph: NMI 0.875 at gamma 1,
   * 0.911 at 2, 0.949 at 4 (0.862 / 0.893 / 0.940 with the other files' graphs beside it). So the
   * job runs at resolution 4 by default (src/analytics/run.ts), and this asserts the bar there.
   */
  let nmi: number;
  let wholeLabs: number;
  beforeAll(async () => {
    const stored = new Map((await figures()).map((f) => [f.id, f]));
    const truth = Object.fromEntries(planted.authors.map((a) => [a.id, String(a.lab)]));
    const found = Object.fromEntries(planted.authors.map((a) => [a.id, String(stored.get(a.id)!.community)]));
    nmi = (await networkx<{ nmi: number }>('nmi', { truth, found })).nmi;
    // The community holding most of each lab, and the authors it holds.
    const counts = new Map<string, Map<string, number>>();
    for (const a of planted.authors) {
      const lab = counts.get(truth[a.id]!) ?? new Map<string, number>();
      lab.set(found[a.id]!, (lab.get(found[a.id]!) ?? 0) + 1);
      counts.set(truth[a.id]!, lab);
    }
    wholeLabs = [...counts.values()].reduce((sum, lab) => sum + Math.max(...lab.values()), 0) / planted.authors.length;
    const labs = counts.size;
    const communities = new Set(Object.values(found)).size;
    console.log(`planted graph: ${labs} labs, ${communities} communities, NMI ${nmi.toFixed(4)}, ${(100 * wholeLabs).toFixed(1)}% of authors in their lab's main community`);
  }, 30_000);

  it('keeps labs whole: at least 95% of the authors are in the community that holds most of their lab', () => {
    expect(wholeLabs).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches NMI >= 0.9 against the planted labs, at the job\'s default resolution', () => {
    expect(nmi).toBeGreaterThanOrEqual(0.9);
  });
});

describe('run bookkeeping', () => {
  it('refuses parameters out of range with BAD_USER_INPUT, before any run is recorded', async () => {
    const before = Number((await rows<{ n: number }>('MATCH (r:AnalyticsRun) RETURN count(r) AS n'))[0]!.n);
    for (const input of [{ concurrency: 5 }, { minSharedPapers: 0 }, { yearFrom: 2020, yearTo: 2010 }, { betweennessSamples: 0 }, { maxAuthorsPerPaper: 1 }]) {
      await expect(runAnalytics(graphDatabaseOn(driver, database()), input)).rejects.toMatchObject({ name: 'AnalyticsError', code: 'BAD_USER_INPUT' });
    }
    expect(Number((await rows<{ n: number }>('MATCH (r:AnalyticsRun) RETURN count(r) AS n'))[0]!.n)).toBe(before);
  });

  it('lets one of two concurrent starts run and refuses the other with ALREADY_RUNNING; a failure in GDS marks the run failed and keeps the earlier results', async () => {
    const parameters = parseParameters(quick());
    const [first, second] = await Promise.allSettled([claimRun(graphDatabaseOn(driver, database()), parameters), claimRun(graphDatabaseOn(driver, database()), parameters)]);
    const claimed = [first, second].filter((r): r is PromiseFulfilledResult<number> => r.status === 'fulfilled');
    const refused = [first, second].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(claimed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const run = claimed[0]!.value;
    expect(run).toBe(main.run + 1);
    expect(refused[0]!.reason).toBeInstanceOf(AnalyticsError);
    expect(refused[0]!.reason).toMatchObject({ code: 'ALREADY_RUNNING' });
    expect((refused[0]!.reason as Error).message).toContain(`run ${run} `);

    // A graph already in GDS's catalog under the run's name: GDS refuses the projection.
    const graphName = `scholar-graph-coauthors-run-${run}`;
    await rows('MATCH (a:Author) WITH a LIMIT 1 RETURN gds.graph.project($graphName, a, null).nodeCount AS nodes', { graphName });
    const earlier = await communityCount(main.run);
    const failure = await executeRun(graphDatabaseOn(driver, database()), run, parameters).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AnalyticsError);
    expect(failure).toMatchObject({ code: 'ANALYTICS_FAILED' });
    expect((failure as Error).message).toMatch(/already exists/i);
    const node = await runNode(run);
    expect(node).toMatchObject({ status: 'failed', stepNames: [] });
    expect(String(node!.error)).toMatch(/^ANALYTICS_FAILED: .*already exists/is);
    expect(node!.finishedAt).toBeDefined();
    // The catalog is freed, the earlier communities are still served, the authors keep the earlier figures.
    expect(await rows('CALL gds.graph.list() YIELD graphName WHERE graphName = $graphName RETURN graphName', { graphName })).toEqual([]);
    expect(await communityCount(main.run)).toBe(earlier);
    expect((await figures()).every((f) => f.run === main.run)).toBe(true);
  });

  it('removes the communities of a run that fails after storing them (the failure forced from the progress callback)', async () => {
    const earlier = await communityCount(main.run);
    let failedRun: number | null = null;
    const failure = await runAnalytics(graphDatabaseOn(driver, database()), quick(), ({ step }) => {
      if (step === 'link communities') throw new Error('forced failure before linking communities');
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ANALYTICS_FAILED' });
    expect((failure as Error).message).toContain('forced failure before linking communities');
    const [last] = await rows<{ id: number }>('MATCH (r:AnalyticsRun) RETURN r.id AS id ORDER BY id DESC LIMIT 1');
    failedRun = Number(last!.id);
    expect(failedRun).toBe(main.run + 2);
    const node = await runNode(failedRun);
    // It got as far as storing its communities, which are gone again.
    expect(node).toMatchObject({ status: 'failed', stepNames: ANALYTICS_STEPS.slice(0, 8) });
    expect(Number(node!.storedCommunityCount)).toBeGreaterThan(0);
    expect(await communityCount(failedRun)).toBe(0);
    expect(await communityCount(main.run)).toBe(earlier);
    expect(await rows('CALL gds.graph.list() YIELD graphName RETURN graphName')).toEqual([]);
  });

  it('numbers the next run after the last, and projects the links the edge list has for the years, shared papers and byline cap', { timeout: 120_000 }, async () => {
    const full = await edgeList();
    const years = { yearFrom: 2015, yearTo: 2022 };
    const byYears = await runAnalytics(graphDatabaseOn(driver, database()), quick(years));
    expect(byYears.run).toBe(main.run + 3);
    const expectedYears = await edgeList(years);
    expect(byYears.linkCount).toBe(expectedYears.edges.length);
    expect(byYears.linkCount).toBeLessThan(full.edges.length);
    expect(byYears.authorCount).toBe(full.nodes.length);
    // A complete run makes the earlier runs' communities go.
    expect(await communityCount(main.run)).toBe(0);
    expect(await runNode(byYears.run)).toMatchObject({ status: 'complete', yearFrom: 2015, yearTo: 2022 });

    const narrow = { minSharedPapers: 2, maxAuthorsPerPaper: 5 };
    const byShared = await runAnalytics(graphDatabaseOn(driver, database()), quick(narrow));
    expect(byShared.run).toBe(byYears.run + 1);
    const expectedShared = await edgeList(narrow);
    expect(byShared.linkCount).toBe(expectedShared.edges.length);
    expect(byShared.linkCount).toBeLessThan(full.edges.length);
    expect(byShared.authorCount).toBe(full.nodes.length);
    // The filters each removed links of their own.
    expect((await edgeList({ minSharedPapers: 2 })).edges.length).toBeGreaterThan(expectedShared.edges.length);
    expect((await edgeList({ maxAuthorsPerPaper: 5 })).edges.length).toBeGreaterThan(expectedShared.edges.length);
  });
});
