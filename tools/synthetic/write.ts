import type { Driver } from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import type { SyntheticGraph } from './generate.js';

/**
 * The writes of a generated graph, in order: nodes first, so that every relationship finds both
 * of its ends. Each statement MERGEs, so writing a graph again changes nothing.
 */
const steps = [
  { name: 'source', query: cypher('write/synthetic-source'), rows: (g: SyntheticGraph) => [g.source] },
  { name: 'topics', query: cypher('write/synthetic-topics'), rows: (g: SyntheticGraph) => g.topics },
  { name: 'organizations', query: cypher('write/synthetic-organizations'), rows: (g: SyntheticGraph) => g.organizations },
  { name: 'authors', query: cypher('write/synthetic-authors'), rows: (g: SyntheticGraph) => g.authors },
  { name: 'papers', query: cypher('write/synthetic-papers'), rows: (g: SyntheticGraph) => g.papers },
  { name: 'authored', query: cypher('write/synthetic-authored'), rows: (g: SyntheticGraph) => g.authored },
  { name: 'affiliatedWith', query: cypher('write/synthetic-affiliated-with'), rows: (g: SyntheticGraph) => g.affiliatedWith },
  { name: 'fromOrganization', query: cypher('write/synthetic-from-organization'), rows: (g: SyntheticGraph) => g.fromOrganization },
  { name: 'hasTopic', query: cypher('write/synthetic-has-topic'), rows: (g: SyntheticGraph) => g.hasTopic },
  { name: 'cites', query: cypher('write/synthetic-cites'), rows: (g: SyntheticGraph) => g.cites },
] as const;

export interface WriteProgress {
  step: (typeof steps)[number]['name'];
  stepRows: number;
  stepTotal: number;
  /** Rows written so far, over all steps. */
  rows: number;
  totalRows: number;
}

export interface WriteOptions {
  batchSize?: number;
  onProgress?: (progress: WriteProgress) => void;
}

/** Rows the writer sends: one per node and per relationship (RECORDED_IN rides with its paper). */
export function rowCount(graph: SyntheticGraph): number {
  return steps.reduce((sum, step) => sum + step.rows(graph).length, 0);
}

/**
 * Writes the graph in batches of `batchSize` rows, each its own managed write transaction
 * (retried by the driver when a failure is transient), one after the other: concurrent batches
 * would contend for the locks of the same authors and papers.
 */
export async function writeGraph(
  driver: Driver,
  database: string,
  graph: SyntheticGraph,
  { batchSize = 5_000, onProgress }: WriteOptions = {},
): Promise<{ rows: number; batches: number; nodesCreated: number; relationshipsCreated: number }> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const totalRows = rowCount(graph);
  let rows = 0;
  let batches = 0;
  // What MERGE had to create: all of it on a first write, nothing on a repeat.
  let nodesCreated = 0;
  let relationshipsCreated = 0;
  const session = driver.session({ database });
  try {
    for (const step of steps) {
      const stepRows = step.rows(graph);
      for (let start = 0; start < stepRows.length; start += batchSize) {
        const batch = stepRows.slice(start, start + batchSize);
        // $sourceId is for the papers statement (RECORDED_IN); the others ignore it.
        const { summary } = await session.executeWrite((tx) => tx.run(step.query, { rows: batch, sourceId: graph.source.id }));
        nodesCreated += summary.counters.updates().nodesCreated;
        relationshipsCreated += summary.counters.updates().relationshipsCreated;
        rows += batch.length;
        batches++;
        onProgress?.({ step: step.name, stepRows: start + batch.length, stepTotal: stepRows.length, rows, totalRows });
      }
    }
  } finally {
    await session.close();
  }
  return { rows, batches, nodesCreated, relationshipsCreated };
}
