import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { cypher } from '../db/cypher.js';
import type { GraphDatabase } from '../db/driver.js';
import { DEFAULT_MAX_AUTHORS_PER_PAPER } from '../domain/bylines.js';
import { createWrite, type Write } from '../db/write.js';
import { AlreadyRunningError, BadInputError, InternalError, UnavailableError, type CodedError } from '../errors/coded.js';

/**
 * Whole-graph collaboration analytics, run as a job inside Neo4j by Graph Data Science: the
 * coauthor graph is projected into GDS's memory once, each algorithm adds its result there
 * (`mutate`), and all results are written back onto the authors in one pass, each author's figures
 * together with the run's number. Then a Community node per community and the links between
 * communities are stored, so that reads cost what any other author field costs.
 *
 * A run is recorded as an AnalyticsRun node (its parameters, each step's time, its figures). Readers
 * serve the newest *complete* run: a run that fails leaves the earlier communities served and
 * removes its own; an author's figures name the run that made them.
 */

/**
 * Papers with more authors make no coauthor links, in the whole-graph job (its default): a
 * consortium byline would make a clique of thousands. Subgraphs use the server's setting
 * (MAX_AUTHORS_PER_PAPER in src/config.ts), whose default this is.
 */
export const MAX_AUTHORS_PER_PAPER = DEFAULT_MAX_AUTHORS_PER_PAPER;

export const analyticsParameters = z
  .object({
    /** Only papers from these years make coauthor links. */
    yearFrom: z.number().int().min(1000).max(3000).nullable().default(null),
    yearTo: z.number().int().min(1000).max(3000).nullable().default(null),
    /** Two authors are linked when they share at least this many papers (in the years). */
    minSharedPapers: z.number().int().min(1).max(1_000).default(1),
    /** Papers with more authors make no links (MAX_AUTHORS_PER_PAPER by default). */
    maxAuthorsPerPaper: z.number().int().min(2).max(10_000).default(MAX_AUTHORS_PER_PAPER),
    /**
     * Source authors sampled for betweenness; null computes it exactly (every author a source),
     * which costs O(authors × links): minutes at 60k authors. 256 keeps its ranking of the top
     * authors (what readers use it for) at a few seconds there.
     */
    betweennessSamples: z.number().int().min(1).max(1_000_000).nullable().default(256),
    /**
     * Leiden's resolution (GDS's `gamma`): above 1 it favours smaller communities. At 1 (plain
     * modularity) its resolution limit merges any groups joined by more link weight than about
     * d1 * d2 / 2m (their weighted degrees, m the graph's total): one guest author joins two labs,
     * and the limit grows with the graph. Measured: labs planted by the generator (2,000 authors)
     * were found with NMI 0.875 at 1, 0.911 at 2, 0.949 at 4; on the paper lists the largest
     * community shrank from 2,938 authors at 1 to 904 at 4 (median 3-4 either way).
     */
    resolution: z.number().min(0.01).max(1_000).default(4),
    /** Leiden's and the betweenness sample's seed: the same graph and seed give the same answer. */
    randomSeed: z.number().int().min(0).default(42),
    /** Threads GDS uses; its open edition allows at most 4. */
    concurrency: z.number().int().min(1).max(4).default(4),
  })
  .refine((p) => p.yearFrom === null || p.yearTo === null || p.yearFrom <= p.yearTo, {
    message: 'yearFrom must not be after yearTo',
    path: ['yearFrom'],
  });

export type AnalyticsParameters = z.infer<typeof analyticsParameters>;
export type AnalyticsInput = z.input<typeof analyticsParameters>;

/** The steps of a run, in order, as a progress bar names them. */
export const ANALYTICS_STEPS = [
  'project the coauthor graph',
  'communities (Leiden)',
  'PageRank',
  'betweenness',
  'k-core',
  'clustering coefficient',
  'write to authors',
  'store communities',
  'link communities',
] as const;

export type AnalyticsStep = (typeof ANALYTICS_STEPS)[number];

export type AnalyticsErrorCode = 'GDS_MISSING' | 'OUT_OF_MEMORY' | 'ALREADY_RUNNING' | 'BAD_USER_INPUT' | 'ANALYTICS_FAILED';

/** A run that cannot start or failed; `code` says why (as the run's record and `npm run analytics` show it). */
export class AnalyticsError extends Error {
  override name = 'AnalyticsError';
  constructor(
    message: string,
    readonly code: AnalyticsErrorCode,
  ) {
    super(message);
  }

  /** What a client that asked for the run is told: a code to branch on, this error's code as `extensions.reason`. */
  coded(): CodedError {
    const reason = { reason: this.code };
    switch (this.code) {
      case 'BAD_USER_INPUT':
        return new BadInputError(this.message, { argument: 'input' });
      case 'ALREADY_RUNNING':
        return new AlreadyRunningError(this.message, reason);
      case 'GDS_MISSING':
      case 'OUT_OF_MEMORY':
        return new UnavailableError(this.message, reason);
      case 'ANALYTICS_FAILED':
        return new InternalError(this.message, reason);
    }
  }
}

export interface AnalyticsSummary {
  run: number;
  parameters: AnalyticsParameters;
  authorCount: number;
  linkCount: number;
  communityCount: number;
  modularity: number;
  storedCommunityCount: number;
  communityLinkCount: number;
  degeneracy: number;
  averageClustering: number;
  pageRankIterations: number;
  steps: { step: AnalyticsStep; millis: number }[];
  millis: number;
}

export interface AnalyticsProgress {
  /** 0-based index of the step starting now; ANALYTICS_STEPS.length when all are done. */
  index: number;
  step: AnalyticsStep | 'done';
}

const query = (name: string) => cypher(`analytics/${name}`);

/** A run that sends no heartbeat for this long is taken for dead (its process stopped). */
const STALE_AFTER_SECONDS = 30 * 60;

export function parseParameters(input: AnalyticsInput = {}): AnalyticsParameters {
  const parsed = analyticsParameters.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new AnalyticsError(`Invalid analytics parameters: ${problems}`, 'BAD_USER_INPUT');
  }
  return parsed.data;
}

/** GDS checks types: its counts, seeds and ids must arrive as integers, which JavaScript numbers are not. */
const asIntegers = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Number.isSafeInteger(value) ? neo4j.int(value as number) : value]));

/**
 * Auto-commit statements: CALL … IN TRANSACTIONS needs them, and GDS procedures run there as well.
 * No time limit: a step's length grows with the graph (minutes on a million authors), it runs after
 * the mutation has answered, and a run that stops sending its heartbeat is taken for dead.
 */
async function runStatement({ driver, database }: GraphDatabase, text: string, params: Record<string, unknown>) {
  const session = driver.session({ database });
  try {
    const result = await session.run(text, asIntegers(params));
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

/** Fails with GDS_MISSING unless the Graph Data Science plugin answers. */
export async function requireGds(db: GraphDatabase): Promise<string> {
  try {
    const [row] = await runStatement(db, 'RETURN gds.version() AS version', {});
    return String(row?.version);
  } catch (error) {
    throw new AnalyticsError(
      `Neo4j Graph Data Science is not installed in this Neo4j (${(error as Error).message.split('\n')[0]}). ` +
        'The project\'s own Neo4j fetches it at start (`npm run neo4j:stop`, then `npm start`); with Docker, ' +
        'docker-compose.yml installs it; elsewhere, add the graph-data-science plugin (2.13.x for Neo4j 5.26) ' +
        'and allow `dbms.security.procedures.unrestricted=gds.*`.',
      'GDS_MISSING',
    );
  }
}

/**
 * Claims the next run number, or fails with ALREADY_RUNNING while another run is alive. Separate
 * from `executeRun` so that a mutation can answer with the run at once and let it work on.
 */
export async function claimRun(
  db: GraphDatabase,
  parameters: AnalyticsParameters,
  write: Write = createWrite(db),
): Promise<number> {
  await requireGds(db);
  // Under the write time limit, and counted on the request that claims it when a mutation does.
  const { records } = await write.statement<{ started: number | null; busyWith: number | null }>(query('start-run'), {
    parameters: asIntegers(parameters),
    staleAfterSeconds: neo4j.int(STALE_AFTER_SECONDS),
  });
  const row = records[0]!.toObject();
  if (row.started === null) {
    throw new AnalyticsError(`Analytics run ${row.busyWith} is still running; wait for it to finish.`, 'ALREADY_RUNNING');
  }
  return row.started;
}

/** Turns GDS's and Neo4j's failures into errors that say what to do. */
function explain(error: unknown): AnalyticsError {
  if (error instanceof AnalyticsError) return error;
  const message = (error as Error).message ?? String(error);
  if (/estimated memory|Java heap space|OutOfMemory|MemoryLimitExceeded|memory pool/i.test(message)) {
    return new AnalyticsError(
      `Neo4j has too little memory for this graph: ${message.split('\n')[0]} ` +
        'Give it a larger heap (LOCAL_NEO4J_HEAP for the project\'s own Neo4j, server.memory.heap.max_size elsewhere), ' +
        'or make the graph smaller (yearFrom/yearTo, minSharedPapers).',
      'OUT_OF_MEMORY',
    );
  }
  return new AnalyticsError(`Analytics failed: ${message}`, 'ANALYTICS_FAILED');
}

/** What a run would hold on Neo4j's heap at most, from the graph's size (GDS's own estimates). */
export interface MemoryEstimate {
  authors: number;
  /** Coauthor pairs the papers in range make, at most (a pair counted once per shared paper). */
  pairs: number;
  /** The projection, the hungriest algorithm, and the figures every step leaves on the projection. */
  bytesNeeded: number;
  heapMaxBytes: number;
}

/** Of Neo4j's heap, what a run may plan to take; the rest serves queries and transactions meanwhile. */
const HEAP_SHARE_FOR_ANALYTICS = 0.8;
/** Figures each author carries in the projection until they are written: community, PageRank, betweenness, core, clustering. */
const MUTATED_FIGURES = 5;

const toNumber = (value: unknown) => (neo4j.isInt(value) ? (value as neo4j.Integer).toNumber() : Number(value));

/**
 * Sizes the run's coauthor graph and asks GDS what projecting it and running each step on it
 * would take, without projecting anything: a projection larger than the heap does not fail
 * cleanly (Neo4j runs out of memory for every query meanwhile), so it is refused beforehand.
 */
export async function estimateRunMemory(db: GraphDatabase, parameters: AnalyticsParameters): Promise<MemoryEstimate> {
  const [size] = await runStatement(db, query('graph-size'), parameters);
  const authors = toNumber(size!.authors);
  const pairs = toNumber(size!.pairs);
  const heapMaxBytes = toNumber(size!.heapMaxBytes);
  if (authors === 0 || pairs === 0) return { authors, pairs, bytesNeeded: 0, heapMaxBytes };
  const [estimate] = await runStatement(db, query('estimate-memory'), { ...parameters, authors, pairs, samples: parameters.betweennessSamples });
  const algorithms = (estimate!.algorithms as unknown[]).map(toNumber);
  const bytesNeeded = toNumber(estimate!.projection) + Math.max(...algorithms) + MUTATED_FIGURES * 8 * authors;
  return { authors, pairs, bytesNeeded, heapMaxBytes };
}

const gib = (bytes: number) => (bytes < 2 ** 30 ? `${Math.ceil(bytes / 2 ** 20)} MiB` : `${(bytes / 2 ** 30).toFixed(1)} GiB`);

/** OUT_OF_MEMORY naming what the run needs and how to get it, when the heap is too small for it. */
export function memoryRefusal(estimate: MemoryEstimate): AnalyticsError | undefined {
  if (estimate.bytesNeeded <= estimate.heapMaxBytes * HEAP_SHARE_FOR_ANALYTICS) return undefined;
  const heapNeeded = Math.ceil(estimate.bytesNeeded / HEAP_SHARE_FOR_ANALYTICS / 2 ** 30);
  return new AnalyticsError(
    `This run needs about ${gib(estimate.bytesNeeded)} of Neo4j's heap (Graph Data Science's estimate for ` +
      `${estimate.authors} authors and up to ${estimate.pairs} coauthor links), and the heap is ${gib(estimate.heapMaxBytes)}. ` +
      `Give Neo4j a heap of at least ${heapNeeded}g (LOCAL_NEO4J_HEAP=${heapNeeded}g for the project's own Neo4j, ` +
      'server.memory.heap.max_size elsewhere) on a machine with that much memory to spare beside the page cache, ' +
      'or make the graph smaller (yearFrom/yearTo, minSharedPapers, maxAuthorsPerPaper).',
    'OUT_OF_MEMORY',
  );
}

/**
 * Runs every step of a claimed run; on failure records why, removes the run's half-made
 * communities and frees GDS's memory, then throws an AnalyticsError.
 */
export async function executeRun(
  db: GraphDatabase,
  run: number,
  parameters: AnalyticsParameters,
  onProgress: (progress: AnalyticsProgress) => void = () => {},
): Promise<AnalyticsSummary> {
  const graph = `scholar-graph-coauthors-run-${run}`;
  const params = { ...parameters, run, graph, samples: parameters.betweennessSamples };
  const steps: AnalyticsSummary['steps'] = [];
  const started = performance.now();

  const step = async <Row>(index: number, name: string, facts: (row: Row) => Record<string, unknown> = () => ({})) => {
    const stepName = ANALYTICS_STEPS[index]!;
    onProgress({ index, step: stepName });
    const begun = performance.now();
    const [row] = (await runStatement(db, query(name), params)) as Row[];
    const millis = Math.round(performance.now() - begun);
    steps.push({ step: stepName, millis });
    await runStatement(db, query('step-done'), { run, step: stepName, millis, facts: facts(row!) });
    return row!;
  };

  try {
    const refusal = memoryRefusal(await estimateRunMemory(db, parameters));
    if (refusal) throw refusal;
    const projected = await step<{ authorCount: number; linkCount: number }>(0, 'project-coauthors', (row) => row);
    if (projected.linkCount === 0) {
      // GDS's Leiden fails on a graph without relationships; there is nothing to find anyway.
      throw new AnalyticsError(
        `The coauthor graph has ${projected.authorCount} authors and no links under these parameters: nothing to analyse. ` +
          'Import papers first, or widen yearFrom/yearTo and lower minSharedPapers.',
        'BAD_USER_INPUT',
      );
    }
    const leiden = await step<{ communityCount: number; modularity: number }>(1, 'leiden', (row) => row);
    const pageRank = await step<{ ranIterations: number }>(2, 'page-rank', (row) => ({ pageRankIterations: row.ranIterations }));
    await step(3, 'betweenness');
    const kcore = await step<{ degeneracy: number }>(4, 'k-core', (row) => row);
    const clustering = await step<{ averageClusteringCoefficient: number }>(5, 'clustering', (row) => ({
      averageClustering: row.averageClusteringCoefficient,
    }));
    await step(6, 'write-authors');
    await runStatement(db, query('drop-graph'), params);
    const stored = await step<{ communityCount: number }>(7, 'communities', (row) => ({ storedCommunityCount: row.communityCount }));
    const linked = await step<{ communityLinkCount: number }>(8, 'community-links', (row) => row);
    await runStatement(db, query('finish-run'), { run });
    onProgress({ index: ANALYTICS_STEPS.length, step: 'done' });
    // Older runs' communities go once the new ones are served; a failure here only leaves them longer.
    await runStatement(db, query('remove-old-communities'), { run }).catch(() => {});
    return {
      run,
      parameters,
      authorCount: projected.authorCount,
      linkCount: projected.linkCount,
      communityCount: leiden.communityCount,
      modularity: leiden.modularity,
      storedCommunityCount: stored.communityCount,
      communityLinkCount: linked.communityLinkCount,
      degeneracy: kcore.degeneracy,
      averageClustering: clustering.averageClusteringCoefficient,
      pageRankIterations: pageRank.ranIterations,
      steps,
      millis: Math.round(performance.now() - started),
    };
  } catch (error) {
    const explained = explain(error);
    const cleanUp = [
      runStatement(db, query('fail-run'), { run, error: `${explained.code}: ${explained.message}` }),
      runStatement(db, query('remove-run-communities'), { run }),
      runStatement(db, query('drop-graph'), params),
    ];
    await Promise.allSettled(cleanUp);
    throw explained;
  }
}

/** Claims a run and runs it to the end: what `npm run analytics` does. */
export async function runAnalytics(
  db: GraphDatabase,
  input: AnalyticsInput = {},
  onProgress?: (progress: AnalyticsProgress) => void,
): Promise<AnalyticsSummary> {
  const parameters = parseParameters(input);
  const run = await claimRun(db, parameters);
  return executeRun(db, run, parameters, onProgress);
}
