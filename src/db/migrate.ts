import type { Driver } from 'neo4j-driver';
import { cypherStatements } from './cypher.js';

/** Applies cypher/schema.cypher (idempotent) and waits until every index is online. */
export async function applySchema(driver: Driver, database: string): Promise<number> {
  const statements = cypherStatements('schema');
  for (const statement of statements) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  return statements.length;
}
