import type { GraphDatabase } from '../db/driver.js';
import { createRepositoryFactory, type RepositorySettings } from './index.js';

/** A first plan must not be held up longer than this; what is not planned by then plans on first use. */
const PLAN_LIMIT_MS = 60_000;

/**
 * The suggestion statements are long (a dozen subqueries each): Neo4j plans one in about 0.8 s on
 * a warm JVM, and right after it starts, on a loaded machine, the first call went past the 5 s
 * read time limit (TIMEOUT in the explorer's first author panel). So the server asks each once,
 * of an id no node has, before it serves: the plans are then in Neo4j's cache, keyed by the
 * statement and its parameters' types, which these calls share with the real ones because they
 * go through the same repositories. Returns the time it took.
 */
export async function planLongStatements(db: GraphDatabase, settings: Partial<RepositorySettings>): Promise<{ millis: number }> {
  const started = performance.now();
  const repositories = createRepositoryFactory({ ...db, read: { ...db.read, timeoutMs: PLAN_LIMIT_MS } }, settings)({ statements: 0 });
  const none = 'warm-up:no-such-node';
  await Promise.all([
    repositories.suggestions.collaborators(none, { first: 10, yearTo: new Date().getUTCFullYear(), minScore: 0 }),
    repositories.related.relatedPapers([{ parentId: none, first: 10 }]),
    repositories.related.suggestedPapers([{ parentId: none, first: 10 }]),
    repositories.related.bridges([none, `${none}-2`], 10),
  ]);
  return { millis: Math.round(performance.now() - started) };
}
