import neo4j, { type Driver } from 'neo4j-driver';
import { cypherStatements } from './cypher.js';

/**
 * Applies cypher/schema.cypher (idempotent) and waits until every index is online, at most
 * `awaitSeconds` (a bulk load's indexes over millions of nodes populate for longer).
 */
export async function applySchema(driver: Driver, database: string, { awaitSeconds = 300 }: { awaitSeconds?: number } = {}): Promise<number> {
  const statements = cypherStatements('schema');
  for (const statement of statements) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(awaitSeconds) }, { database });
  return statements.length;
}
