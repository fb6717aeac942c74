import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher.js';

/**
 * Graph Data Science loads its classes on its first call: right after Neo4j starts, the first
 * subgraph request took longer than the read time limit, and other reads stalled meanwhile.
 * The server runs the subgraph measures once on a triangle before it serves (src/server.ts), so
 * that clients do not pay for it. Returns GDS's answer time, or the error when GDS is not there
 * or takes longer than WARM_UP_LIMIT_MS.
 */
/** A start is not held up longer than this by an analytics engine that is there but stuck. */
const WARM_UP_LIMIT_MS = 120_000;

export async function warmUpGds(driver: Driver, database: string): Promise<{ millis: number } | { error: Error }> {
  const started = performance.now();
  const graphName = `warm-up-${randomUUID()}`;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const triangle = [[0, 1, 1], [1, 2, 1], [0, 2, 1]];
    await session.run(cypher('analytics/subgraph-measures'), { graphName, nodeCount: neo4j.int(3), links: triangle }, { timeout: WARM_UP_LIMIT_MS });
    return { millis: Math.round(performance.now() - started) };
  } catch (error) {
    await session.run(cypher('analytics/subgraph-drop'), { graphName }).catch(() => {});
    return { error: error as Error };
  } finally {
    await session.close();
  }
}
