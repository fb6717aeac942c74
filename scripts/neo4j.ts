/**
 * `npm run neo4j:<start|stop|status|reset>`: manage the project's own Neo4j instance.
 * Reads the same configuration as the server (LOCAL_NEO4J_*, NEO4J_PASSWORD).
 */
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import {
  localNeo4jStatus,
  resetLocalNeo4j,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../tools/local-neo4j/instance.js';
import { NEO4J_VERSION } from '../tools/local-neo4j/paths.js';

const local = () => loadConfig().localNeo4j;

const program = new Command('neo4j')
  .description(`Manage the project's local Neo4j Community ${NEO4J_VERSION} (used when NEO4J_URI is unset)`)
  .showHelpAfterError();

program
  .command('start')
  .description('fetch Neo4j on first use, start it in the background, wait until Bolt answers')
  .action(async () => {
    const started = Date.now();
    const uri = await startLocalNeo4j(local());
    console.log(`Neo4j is ready at ${uri} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

program
  .command('stop')
  .description('stop the instance cleanly')
  .action(async () => {
    console.log((await stopLocalNeo4j(local())) ? 'Neo4j stopped.' : 'Neo4j was not running.');
  });

program
  .command('status')
  .description('say whether the instance runs (exit code 3 when it does not)')
  .action(() => {
    const status = localNeo4jStatus(local());
    console.log(status.running ? `running (pid ${status.pid}) at ${status.uri}, home ${status.home}` : `stopped (home ${status.home})`);
    if (!status.running) process.exitCode = 3;
  });

program
  .command('reset')
  .description('stop the instance and delete its data (the downloaded jars are kept)')
  .action(async () => {
    await resetLocalNeo4j(local());
    console.log('Neo4j instance deleted.');
  });

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
