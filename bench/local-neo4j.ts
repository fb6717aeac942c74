/**
 * `npm run bench:neo4j [-- --runs 5 --fresh-maven]`: what the project's own Neo4j costs.
 * Reports the first provisioning (fetch + first start; --fresh-maven uses an empty Maven
 * repository so the download is real), warm start and stop times (median of --runs), and the
 * server's peak resident memory (VmHWM) after the schema, the seed and a round of reads.
 * Uses a scratch folder and ports 7690/7477; touches no other instance.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createDriver, graphDatabaseOn } from '../src/db/driver.js';
import { applySchema } from '../src/db/migrate.js';
import { loadSeed } from '../src/ingest/seed.js';
import { count } from './lib/cli.js';
import { peakMemoryMiB } from './lib/proc.js';
import { machineLine } from './lib/report.js';
import { median } from './lib/stats.js';
import { localNeo4jSettings, localNeo4jStatus, NEO4J_VERSION, startLocalNeo4j, stopLocalNeo4j } from './lib/tools.js';

const options = new Command()
  .addOption(count('--runs <n>', 'warm start/stop cycles', 1, 5))
  .option('--fresh-maven', 'fetch into an empty Maven repository (a true first download)')
  .parse()
  .opts<{ runs: number; freshMaven?: boolean }>();

const scratch = mkdtempSync(join(tmpdir(), 'scholar-graph-bench-'));
if (options.freshMaven) process.env.MAVEN_OPTS = `${process.env.MAVEN_OPTS ?? ''} -Dmaven.repo.local=${join(scratch, 'm2')}`;
const local = { ...localNeo4jSettings(), dir: scratch, instance: 'bench', boltPort: 7690, httpPort: 7477 };
const quiet = () => {};
const seconds = (ms: number) => (ms / 1000).toFixed(1);
async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}


try {
  console.log(`${machineLine()}\nNeo4j ${NEO4J_VERSION}, heap ${local.heap}, page cache ${local.pageCache}, scratch ${scratch}`);
  const first = await timed(() => startLocalNeo4j(local, quiet));
  console.log(`first provisioning (fetch${options.freshMaven ? ', empty Maven repo' : ', Maven cache as is'} + first start): ${seconds(first)} s`);

  const driver = createDriver({ uri: `bolt://127.0.0.1:${local.boltPort}`, user: 'neo4j', password: local.password, database: 'neo4j' });
  await applySchema(driver, 'neo4j');
  await loadSeed(graphDatabaseOn(driver, 'neo4j'));
  for (let i = 0; i < 200; i++) {
    await driver.executeQuery('MATCH (a:Author)-[:AUTHORED]->(p)<-[:AUTHORED]-(b) RETURN a.name, b.name, p.title', {}, { database: 'neo4j' });
  }
  await driver.close();
  const pid = localNeo4jStatus(local).pid!;
  console.log(`peak resident memory of the Neo4j JVM (VmHWM): ${(peakMemoryMiB(pid) ?? 0).toFixed(0)} MiB`);

  const starts: number[] = [];
  const stops: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    stops.push(await timed(() => stopLocalNeo4j(local, quiet)));
    starts.push(await timed(() => startLocalNeo4j(local, quiet)));
  }
  console.log(`warm start until Bolt answers: median ${seconds(median(starts))} s (runs: ${starts.map(seconds).join(', ')})`);
  console.log(`clean stop: median ${seconds(median(stops))} s (runs: ${stops.map(seconds).join(', ')})`);
} finally {
  await stopLocalNeo4j(local, quiet);
  rmSync(scratch, { recursive: true, force: true });
}
