import { join } from 'node:path';
import type { GraphDatabase } from '../db/driver.js';
import { projectRoot } from '../paths.js';
import { runImport } from './import.js';

export const SEED_FILE = join(projectRoot, 'cypher', 'seed', 'profile-baixu-chen.json');

/** The seed is imported like any other JSON document, under the same identity rules. */
export async function loadSeed(db: GraphDatabase): Promise<void> {
  const summary = await runImport(db, { format: 'json', paths: [SEED_FILE] });
  if (summary.rejected > 0) throw new Error(`The seed file has ${summary.rejected} invalid records`);
}

/** The seed goes only into a database without authors, so it never overwrites imported data. */
export async function seedIfEmpty(db: GraphDatabase): Promise<boolean> {
  const { records } = await db.driver.executeQuery('MATCH (a:Author) RETURN count(a) > 0 AS hasAuthors LIMIT 1', {}, { database: db.database });
  if (records[0]?.get('hasAuthors')) return false;
  await loadSeed(db);
  return true;
}
