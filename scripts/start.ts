/**
 * `npm start` (after the build): the built server, `node dist/index.js`. In development with
 * NEO4J_URI unset, it first starts (or reuses) the project's own Neo4j, fetched on first use,
 * and hands its address to the server as NEO4J_URI. The server itself never starts a Neo4j:
 * production and the Docker image run `node dist/index.js`, which needs NEO4J_URI.
 *
 * `tsx scripts/start.ts <command...>` runs another server command the same way (`npm run dev`).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { projectRoot } from '../src/paths.js';
import { startLocalNeo4j } from '../tools/local-neo4j/instance.js';
import { LocalNeo4jError } from '../tools/local-neo4j/paths.js';

const [command, ...args] = process.argv.length > 2 ? process.argv.slice(2) : [process.execPath, 'dist/index.js'];

async function serverEnvironment(): Promise<NodeJS.ProcessEnv> {
  const config = loadConfig();
  if (config.neo4j.uri || config.profile !== 'development') return process.env;
  const logger = createLogger(config.logLevel);
  const uri = await startLocalNeo4j(config.localNeo4j, (line) => logger.info(line));
  logger.info('The local Neo4j keeps running after the server stops; `npm run neo4j:stop` stops it.');
  return { ...process.env, NEO4J_URI: uri };
}

try {
  const env = await serverEnvironment();
  const server = spawn(command!, args, { cwd: projectRoot, env, stdio: 'inherit' });
  // Ctrl-C reaches both processes; a SIGTERM sent to this one alone is passed on. The server
  // drains and exits, and this process exits as it did.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.once('error', (error) => {
    console.error(`Could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  server.once('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
} catch (error) {
  const known = error instanceof ConfigError || error instanceof LocalNeo4jError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
}
