import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../local-neo4j/paths.js';
import { writeGraphDocument } from './write-graph-document.js';

export const SEED_FILE = join(projectRoot, 'cypher', 'seed', 'profile-baixu-chen.json');

export async function loadSeed(driver: Driver, database: string): Promise<void> {
  await writeGraphDocument(driver, database, JSON.parse(readFileSync(SEED_FILE, 'utf8')));
}

/** The seed goes only into a database without authors, so it never overwrites imported data. */
export async function seedIfEmpty(driver: Driver, database: string): Promise<boolean> {
  const { records } = await driver.executeQuery('MATCH (a:Author) RETURN count(a) > 0 AS hasAuthors LIMIT 1', {}, { database });
  if (records[0]?.get('hasAuthors')) return false;
  await loadSeed(driver, database);
  return true;
}
