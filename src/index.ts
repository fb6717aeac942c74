import { ConfigError, loadConfig } from './config.js';
import { LocalNeo4jError } from './local-neo4j/paths.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** `npm start`: serve GraphQL until Ctrl-C or SIGTERM, then close HTTP and the driver. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);
  logger.info(`GraphQL (and GraphiQL in a browser) at ${server.url}`);
  if (!config.neo4j.uri) logger.info('The local Neo4j keeps running after the server stops; `npm run neo4j:stop` stops it.');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    await server.close();
    logger.flush();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof LocalNeo4jError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
