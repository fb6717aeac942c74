import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { createDriver, waitForDatabase } from './db/driver.js';
import { applySchema } from './db/migrate.js';
import { seedIfEmpty } from './ingest/seed.js';
import { startLocalNeo4j } from './local-neo4j/instance.js';
import type { Logger } from './logger.js';
import { createRepositories } from './repositories/index.js';
import { GRAPHQL_PATH, createYogaServer } from './yoga.js';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Wires the process together: Neo4j (the configured one, or the project's own when NEO4J_URI is
 * unset), the schema's constraints, the seed for an empty graph, and the HTTP server.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const uri = config.neo4j.uri ?? (await startLocalNeo4j(config.localNeo4j, (line) => logger.info(line)));
  const driver = createDriver({ ...config.neo4j, uri });
  try {
    await waitForDatabase(driver, config.neo4j.database, { timeoutMs: 60_000 });
    const statements = await applySchema(driver, config.neo4j.database);
    logger.info({ uri, database: config.neo4j.database, statements }, 'Neo4j ready, constraints and indexes applied');
    if (config.seedOnEmpty && (await seedIfEmpty(driver, config.neo4j.database))) logger.info('Empty graph: seed loaded');
  } catch (error) {
    await driver.close();
    throw error;
  }

  const yoga = createYogaServer({
    repositories: createRepositories(driver, config.neo4j.database),
    logger,
    apiTokens: config.apiTokens,
  });
  const http = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.http.port, config.http.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  const host = config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1' ? 'localhost' : config.http.host;
  const url = `http://${host}:${port}${GRAPHQL_PATH}`;

  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await driver.close();
    },
  };
}
