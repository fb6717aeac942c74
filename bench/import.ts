/**
 * `npm run bench:import [-- --paths <dir> --batch-size <n> --runs 2]`: imports the paper lists
 * into an empty local Neo4j with default settings (instance "bench-import", ports 7696/7483,
 * reset first), then again into the same graph, each run as its own importer process. Prints per
 * run: records/s, rows written/s, batches, the importer's phases (parse, identity resolution,
 * writes, commit, placing name-only authorships, author summaries), peak RSS of the importer and of Neo4j, both processes' CPU
 * time, and how many author names in the graph still carry entities, marks or separators.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createDriver } from '../src/db/driver.js';
import { applySchema } from '../src/db/migrate.js';
import type { ImportSummary } from '../src/ingest/import.js';
import { sharedDataDir } from '../scripts/shared-data.js';
import { count } from './lib/cli.js';
import { projectRoot } from './lib/paths.js';
import { cpuMs, peakMemoryMiB } from './lib/proc.js';
import { machineLine } from './lib/report.js';
import { localNeo4jSettings, localNeo4jStatus, resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from './lib/tools.js';

const options = new Command('bench:import')
  .option('--paths <dir>', 'paper lists to import', join(sharedDataDir, 'paperlists'))
  .option('--batch-size <n>', 'records per transaction (the importer default when unset)')
  .addOption(count('--runs <n>', 'imports in a row into the one graph (the first into an empty one)', 1, 2))
  .option('--warm', 'import once and wipe the graph before the measured runs (a warm JVM: no JIT warm-up in the figures)')
  .option('--keep', 'leave the instance running afterwards')
  .parse()
  .opts<{ paths: string; batchSize?: string; runs: number; warm?: boolean; keep?: boolean }>();

if (!existsSync(options.paths)) {
  console.error(`No paper lists at ${options.paths} (set SHARED_DATA_DIR or --paths).`);
  process.exit(1);
}

const local = { ...localNeo4jSettings(), instance: 'bench-import', boltPort: 7696, httpPort: 7483 };
const uri = `bolt://127.0.0.1:${local.boltPort}`;
const quiet = () => {};

/** Author names that still carry what cleaning removes: entities, marks, separators, digits, quotes. */
const DIRTY_NAME = '.*(&#?[A-Za-z0-9]+;?|[*†‡§¶,;"\\[\\]{}\\\\]|[0-9]).*';

interface Run {
  dirtyNames: number;
  seconds: number;
  summary: ImportSummary & { cpuMs: { user: number; system: number } };
  importerPeakMiB: number;
  neo4jPeakMiB: number;
  neo4jCpuMs: number;
}

/** One import in its own process (tsx loaded in-process, so the pid measured is the importer's). */
async function importOnce(neo4jPid: number): Promise<Run> {
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'bench-import-')), 'summary.json');
  const args = ['--import', 'tsx', 'scripts/import.ts', 'paperlist', options.paths, '--no-progress', '--summary', summaryFile, '--report', join(tmpdir(), 'bench-import-rejected.jsonl')];
  if (options.batchSize) args.push('--batch-size', options.batchSize);
  const neo4jCpuBefore = cpuMs(neo4jPid) ?? 0;
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: local.password, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] });
  let importerPeakMiB = 0;
  const poll = setInterval(() => {
    importerPeakMiB = Math.max(importerPeakMiB, peakMemoryMiB(child.pid!) ?? 0); // null: exited between ticks
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`the import exited with ${code}`);

  const driver = createDriver({ uri, user: 'neo4j', password: local.password, database: 'neo4j' });
  const { records } = await driver.executeQuery('MATCH (a:Author) WHERE a.name =~ $pattern RETURN count(a) AS dirty', { pattern: DIRTY_NAME }, { database: 'neo4j' });
  await driver.close();
  return { dirtyNames: Number(records[0]!.get('dirty')), seconds, summary: JSON.parse(readFileSync(summaryFile, 'utf8')), importerPeakMiB, neo4jPeakMiB: peakMemoryMiB(neo4jPid) ?? 0, neo4jCpuMs: (cpuMs(neo4jPid) ?? 0) - neo4jCpuBefore };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  console.log(`resetting and starting instance ${local.instance} (heap ${local.heap}, page cache ${local.pageCache})`);
  await resetLocalNeo4j(local, quiet);
  await startLocalNeo4j(local, quiet);
  const driver = createDriver({ uri, user: 'neo4j', password: local.password, database: 'neo4j' });
  await applySchema(driver, 'neo4j');
  await driver.close();
  const neo4jPid = localNeo4jStatus(local).pid!;

  if (options.warm) {
    console.log('\nwarm-up: importing once, then emptying the graph');
    await importOnce(neo4jPid);
    const wipe = createDriver({ uri, user: 'neo4j', password: local.password, database: 'neo4j' });
    const session = wipe.session({ database: 'neo4j' }); // CALL ... IN TRANSACTIONS: an auto-commit query
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    await session.close();
    await wipe.close();
  }
  const runs: Run[] = [];
  for (let i = 0; i < options.runs; i++) {
    console.log(`\nrun ${i + 1}: importing ${options.paths}${i === 0 ? ' into an empty graph' : ' again'}`);
    runs.push(await importOnce(neo4jPid));
  }
  console.log(`\n${machineLine()}; ${local.instance} heap ${local.heap}, page cache ${local.pageCache}; wall time includes the importer's start`);
  console.table(
    Object.fromEntries(
      runs.map((run, i) => [
        i === 0 ? `first (empty graph${options.warm ? ', warm JVM' : ''})` : `again (${i + 1})`,
        {
          seconds: Number(run.seconds.toFixed(1)),
          'records/s': Math.round(run.summary.records / run.seconds),
          // An importer older than this bench reports neither (measuring a commit from before them).
          'rows written/s': run.summary.rowsWritten === undefined ? 'n/a' : Math.round(run.summary.rowsWritten / run.seconds),
          batches: run.summary.batches,
          'parse / resolve / write / commit / place / summaries': run.summary.ms
            ? [run.summary.ms.parse, run.summary.ms.resolve, run.summary.ms.write, run.summary.ms.commit, run.summary.ms.place ?? 0, run.summary.ms.refresh].map(s).join(' / ') : 'n/a',
          'importer peak RSS MiB': Math.round(run.importerPeakMiB),
          'importer CPU': s((run.summary.cpuMs.user + run.summary.cpuMs.system) / 1000),
          'Neo4j CPU': s(run.neo4jCpuMs),
          'Neo4j peak RSS MiB': Math.round(run.neo4jPeakMiB),
          'dirty names': run.dirtyNames,
        },
      ]),
    ),
  );
  const first = runs[0]!.summary;
  if (first.statementMs) {
    console.log('first run, time per statement:');
    for (const [name, ms] of Object.entries(first.statementMs).sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(32)} ${s(ms)}`);
  }
  console.log(`first run: ${first.records} records, ${first.papers.created} papers, ${first.authors.created} authors created, ${first.rejected} rejected, ${first.namesDropped ?? 0} names dropped, ${first.rowsWritten} rows written`);
} finally {
  if (!options.keep) await stopLocalNeo4j(local, quiet);
}
