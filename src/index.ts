import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/**
 * The server (`node dist/index.js`, what production and the Docker image run; `npm start` runs it
 * too, after starting the local Neo4j in development): serve GraphQL until Ctrl-C or SIGTERM,
 * then drain: stop taking connections, let the requests in flight finish, close the driver, exit 0.
 */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger, { waitForNeo4j: false });
  let stopping = false;
  logger.info({ metricsUrl: server.metricsUrl }, `Prometheus metrics at ${server.metricsUrl}`);
  // The address comes once it answers with the whole graph: a user who opens it then sees data.
  void server.serving.then(() => {
    if (stopping) return;
    logger.info(
      { profile: config.profile },
      `GraphQL${config.profile === 'production' ? '' : ' (and GraphiQL in a browser)'} at ${server.url}; the explorer at ${new URL('/', server.url).href}`,
    );
  });

  const stop = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'Shutting down: finishing requests in flight');
    const started = performance.now();
    try {
      await server.close();
      logger.info({ drainMs: Math.round(performance.now() - started) }, 'Stopped');
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      exitCode = 1;
    }
    logger.flush();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  // A bug, not a client's doing: log it in full, then stop as cleanly as at SIGTERM and let the
  // supervisor restart the process, rather than serve on in an unknown state.
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'Unhandled promise rejection');
    void stop('unhandledRejection', 1);
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'Uncaught exception');
    void stop('uncaughtException', 1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
