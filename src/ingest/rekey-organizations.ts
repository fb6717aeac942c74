import type { Driver } from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import { organizationNameKey } from './identity.js';

/**
 * Gives every organization the name key today's rule makes (identity.ts organizationNameKey: the
 * institution key, "The", "Univ." and accents folded, a unit's with its institution's), so that a
 * graph imported under an earlier rule answers `organization(name:)`, search's exact tier and the
 * importer's name matching as a new one does. Run with the schema (server start-up, every
 * command-line tool); a graph already keyed so is read and left as it is. Why in TypeScript: the
 * key is the importer's own function, which Cypher cannot call. Reads id and names only, about a
 * second per 100k organizations (an OpenAlex graph has ~110k institutions).
 */
export async function rekeyOrganizations(driver: Driver, database: string, batchSize = 5_000): Promise<number> {
  const { records } = await driver.executeQuery(cypher('migrate/organization-names'), {}, { database });
  const changed = records
    .map((record) => ({
      id: record.get('id') as string,
      nameKey: organizationNameKey({ name: record.get('name') as string, partOf: record.get('partOf') ? { name: record.get('partOf') as string } : undefined }),
      was: record.get('nameKey') as string | null,
    }))
    .filter((key) => key.nameKey !== key.was)
    .map(({ id, nameKey }) => ({ id, nameKey }));
  for (let start = 0; start < changed.length; start += batchSize) {
    await driver.executeQuery(cypher('migrate/set-organization-keys'), { keys: changed.slice(start, start + batchSize) }, { database });
  }
  return changed.length;
}
