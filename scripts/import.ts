/**
 * `npm run import -- <format> <files or folders...>`: imports bibliographic data into the
 * configured Neo4j (the local one when NEO4J_URI is unset). Formats: openalex (API pages or
 * JSON Lines, optionally gzipped), paperlist (conference paper lists), json (the project's form),
 * openalex-snapshot (an OpenAlex snapshot folder: applies the parts and merged ids not applied
 * before, src/ingest/snapshot/incremental.ts), ror (the ROR registry's data dump: organizations,
 * src/ingest/ror.ts).
 * `--bulk`: the bulk first load into an empty database (tools/bulk-load.ts: neo4j-admin import,
 * then the schema and the authors' summaries), for any format.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import { loadConfig } from '../src/config.js';
import { openDatabase, type OpenDatabase } from '../tools/open-database.js';
import { FORMATS, runImport, writeReported, type Format, type ImportSummary } from '../src/ingest/import.js';
import { runRorImport, type RorImportSummary } from '../src/ingest/ror.js';
import { finishBulkLoad } from '../tools/bulk-load.js';
import { startLocalNeo4j } from '../tools/local-neo4j/instance.js';
import { createGraphDatabase, waitForDatabase, type GraphDatabase } from '../src/db/driver.js';
import { createWrite } from '../src/db/write.js';
import { fileRecords } from '../src/ingest/bulk/records.js';
import { snapshotRecords } from '../src/ingest/bulk/snapshot.js';
import { syncSnapshot, type SnapshotSyncSummary } from '../src/ingest/snapshot/incremental.js';
import { recordAppliedParts } from '../src/ingest/snapshot/state.js';
import { defaultBulkDir, runBulkCli } from './bulk-cli.js';
import { integer } from './cli-options.js';

const program = new Command('import')
  .description('Import papers, authors, organizations and topics; safe to run again (unchanged records are skipped)')
  .addArgument(new Command().createArgument('<format>', 'input format').choices([...FORMATS, 'openalex-snapshot', 'ror']))
  .argument('<paths...>', 'files or folders (searched recursively)')
  .option('--batch-size <n>', 'records per transaction', '500')
  .option('--include-unpublished', 'paper lists: keep rejected and withdrawn submissions')
  .option('--report <file>', 'where to write rejected records with their reasons (JSON Lines)', 'import-rejected.jsonl')
  .option('--summary <file>', 'also write the summary as JSON (counts and where the time went)')
  .addOption(new Option('--no-progress', 'no progress bar (e.g. in logs)'))
  .option('--bulk', 'bulk first load: neo4j-admin import into an empty database (refuses a non-empty one), then schema and summaries')
  .option('--bulk-finish', 'after neo4j-admin ran on a remote database host (what --bulk printed): the schema, the summaries, the parts loaded')
  .option('--bulk-dir <dir>', 'with --bulk: where the CSV files go (default <LOCAL_NEO4J_DIR>/bulk/<instance>)')
  .option('--keep-bulk-files', 'with --bulk: keep the CSV files after a local load')
  .option('--threads <n>', 'with --bulk: neo4j-admin worker threads (default: the cores)', integer(1))
  .option('--max-off-heap <size>', 'with --bulk: neo4j-admin off-heap memory, e.g. 4g (default: half the free memory)')
  .showHelpAfterError();

interface Options {
  batchSize: string; includeUnpublished?: boolean; report: string; summary?: string; progress: boolean;
  bulk?: boolean; bulkFinish?: boolean; bulkDir?: string; keepBulkFiles?: boolean; threads?: number; maxOffHeap?: string;
}

program.action(async (format: Format | 'openalex-snapshot' | 'ror', paths: string[], options: Options) => {
  if (format === 'ror') return rorImport(paths, options);
  if (options.bulk) return bulkImport(format, paths, options);
  if (options.bulkFinish) return bulkFinish(format, paths, options);
  if (format === 'openalex-snapshot' && paths.length !== 1) {
    console.error("openalex-snapshot takes one folder, the snapshot's (it holds data/ and merged_ids/)");
    process.exitCode = 1;
    return;
  }
  const bar = new SingleBar({
    format: 'importing |{bar}| {percentage}% {value}/{total} records | {rate}/s | ETA {eta_formatted}',
    hideCursor: true,
    noTTYOutput: false,
  });
  await reportedRun(bar, options, async (opened, started) => {
    let barStarted = false;
    const onProgress = options.progress
      ? ({ done, total }: { done: number; total: number }) => {
          const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
          if (!barStarted) bar.start(total, done, { rate });
          barStarted = true;
          bar.update(done, { rate });
        }
      : undefined;
    const common = { batchSize: Number(options.batchSize), reportFile: options.report, onProgress };
    const summary = format === 'openalex-snapshot'
      ? await syncSnapshot(opened, { dir: paths[0]!, ...common })
      : await runImport(opened, { format, paths, includeUnpublished: options.includeUnpublished, ...common });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    if ('layout' in summary) printSnapshotSummary(summary, seconds, options.report);
    else printSummary(summary, seconds, options.report);
    return summary;
  });
});

/**
 * One import run as the command reports it: the database opened, `run` (which prints its own
 * summary), the summary also as JSON with --summary, an error's message and exit code 1 instead
 * of a stack, the driver closed whatever happened.
 */
async function reportedRun(bar: SingleBar, options: Options, run: (opened: OpenDatabase, started: number) => Promise<object>) {
  let opened: OpenDatabase | undefined;
  const started = Date.now();
  try {
    opened = await openDatabase(loadConfig());
    const summary = await run(opened, started);
    if (options.summary) writeFileSync(options.summary, `${JSON.stringify({ ...summary, seconds: (Date.now() - started) / 1000, cpuMs: process.cpuUsage() }, null, 2)}\n`);
  } catch (error) {
    bar.stop();
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await opened?.driver.close();
  }
}

function printSummary(s: ImportSummary, seconds: number, report: string) {
  const skipped = Object.entries(s.skippedReasons).map(([reason, n]) => `${n} ${reason}`).join(', ');
  console.log(`\n${s.records} records in ${seconds.toFixed(1)} s (${Math.round(s.records / seconds)} records/s), ${s.batches} batches`);
  console.table({
    papers: { created: s.papers.created, updated: s.papers.updated, unchanged: s.papers.unchanged },
    authors: { created: s.authors.created, 'matched existing': s.authors.matched, 'names two or more people share': s.authors.ambiguous },
    organizations: { created: s.organizations.created, 'matched existing': s.organizations.matched, 'ambiguous name': s.organizations.ambiguous },
    topics: { created: s.topics.created },
  });
  const phase = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`time: parse ${phase(s.ms.parse)}, resolve ${phase(s.ms.resolve)}, write ${phase(s.ms.write)}, commit ${phase(s.ms.commit)}, placing ${phase(s.ms.place)}, author summaries ${phase(s.ms.refresh)}`);
  const placed = Object.entries(s.identity.placed).map(([method, n]) => `${n} ${method}`).join(', ');
  console.log(`name-only authorships placed: ${placed || 'none'} (${s.identity.names} names read, ${s.identity.moved} moved to another author, ${s.authors.ambiguous} names shared by two or more people)`);
  console.log(`skipped: ${s.skipped}${skipped ? ` (${skipped})` : ''}`);
  console.log(`rejected: ${s.rejected}${s.rejected ? ` (reasons in ${report})` : ''}`);
  if (s.namesDropped) console.log(`byline entries that are not names, left out: ${s.namesDropped} (in ${report})`);
  if (s.citationsLinked) console.log(`citations linked across records: ${s.citationsLinked}`);
}

/** The ROR registry: organizations, not papers, so a progress bar over the bytes read and a summary of its own. */
async function rorImport(paths: string[], options: Options) {
  if (options.bulk || options.bulkFinish) {
    console.error('ror has no bulk load: import it without --bulk (120k organizations take minutes)');
    process.exitCode = 1;
    return;
  }
  const bar = new SingleBar({
    format: 'importing |{bar}| {percentage}% of {size} | {records} records | {rate}/s | ETA {eta_formatted}',
    hideCursor: true,
    noTTYOutput: false,
  });
  await reportedRun(bar, options, async (opened, started) => {
    let barStarted = false;
    const onProgress = options.progress
      ? ({ done, total, records }: { done: number; total: number; records: number }) => {
          const payload = { records, size: `${(total / 1e6).toFixed(0)} MB`, rate: Math.round(records / Math.max((Date.now() - started) / 1000, 0.001)) };
          if (!barStarted) bar.start(total, done, payload);
          barStarted = true;
          bar.update(done, payload);
        }
      : undefined;
    const summary = await runRorImport(opened, { paths, batchSize: Number(options.batchSize), reportFile: options.report, onProgress });
    bar.stop();
    printRorSummary(summary, (Date.now() - started) / 1000, options.report);
    return summary;
  });
}

function printRorSummary(s: RorImportSummary, seconds: number, report: string) {
  const skipped = Object.entries(s.skippedReasons).map(([reason, n]) => `${n} ${reason}`).join(', ');
  const o = s.organizations;
  console.log(`\n${s.records} ROR records in ${seconds.toFixed(1)} s (${Math.round(s.records / seconds)} records/s), ${s.batches} batches`);
  console.log(`organizations: ${o.created} created, ${o.updated} updated, ${o.unchanged} unchanged; PART_OF links made: ${s.partOfCreated}`);
  console.log(`name-only organizations joined to their registry organization: ${s.joined.organizations} (${s.joined.papers} papers moved, ${s.joined.authorsRefreshed} authors' affiliations recomputed)`);
  console.log(`skipped: ${s.skipped}${skipped ? ` (${skipped})` : ''}`);
  console.log(`rejected: ${s.rejected}${s.rejected ? ` (reasons in ${report})` : ''}`);
  const phase = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`time: read and parse ${phase(s.ms.read)}, write ${phase(s.ms.write)}, joins ${phase(s.ms.join)}`);
}

/** After a remote host's neo4j-admin import: what the local bulk load does after its own. */
async function bulkFinish(format: Format | 'openalex-snapshot', paths: string[], options: Options) {
  let opened: GraphDatabase | undefined;
  try {
    // Not openDatabase: its schema step waits 5 minutes for the indexes, finishBulkLoad hours.
    const config = loadConfig();
    const uri = config.neo4j.uri ?? (await startLocalNeo4j(config.localNeo4j));
    opened = createGraphDatabase({ ...config.neo4j, uri }, config.driver);
    await waitForDatabase(opened.driver, config.neo4j.database, { timeoutMs: 60_000 });
    const parts = format === 'openalex-snapshot' ? snapshotRecords(paths[0]!, () => {}).parts : [];
    const { authorsRefreshed } = await finishBulkLoad(opened, options.bulkDir ?? defaultBulkDir(config), (n) => process.stderr.write(`\rauthor summaries: ${n}`), (db) => recordAppliedParts(db, parts));
    console.log(`\nschema applied, ${authorsRefreshed} authors' summaries computed${parts.length ? `, ${parts.length} snapshot parts recorded` : ''}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await opened?.driver.close();
  }
}

/** The bulk first load of the same inputs (scripts/bulk-cli.ts). */
async function bulkImport(format: Format | 'openalex-snapshot', paths: string[], options: Options) {
  const started = Date.now();
  try {
    const config = loadConfig();
    const common = {
      config, dir: options.bulkDir, keepFiles: options.keepBulkFiles, progress: options.progress, threads: options.threads,
      maxOffHeapMemory: options.maxOffHeap, summaryFile: options.summary,
    };
    if (format === 'openalex-snapshot') {
      if (paths.length !== 1) throw new Error('openalex-snapshot takes one folder (the snapshot root)');
      writeFileSync(options.report, '');
      const report = (line: Record<string, string>) => appendFileSync(options.report, `${JSON.stringify(line)}\n`);
      const input = snapshotRecords(paths[0]!, report);
      const summary = await runBulkCli({
        ...common,
        records: () => input.inputs(),
        total: input.total,
        onRejected: (record, reason) => report({ record, reason }),
        // The works parts loaded: the incremental sync starts after them.
        afterLoad: (db) => recordAppliedParts(db, input.parts),
        finishCommand: `npm run import -- openalex-snapshot ${paths[0]} --bulk-finish`,
      });
      printCounts(input.counts, summary.convert.duplicates, options.report);
    } else {
      const input = fileRecords(format, paths, { includeUnpublished: options.includeUnpublished, reportFile: options.report });
      const summary = await runBulkCli({
        ...common,
        records: () => input.records(),
        onRejected: (record, reason) => input.report({ record, reason }),
        finishCommand: `npm run import -- ${format} ${paths.join(' ')} --bulk-finish`,
        afterLoad: async (db) => {
          const write = createWrite(db, { timeoutMs: db.write.importTimeoutMs });
          for (const document of input.documents) await writeReported(write, document);
        },
      });
      printCounts(input.counts, summary.convert.duplicates, options.report);
    }
    console.log(`wall ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}

function printCounts(counts: { records: number; skipped: number; skippedReasons: Record<string, number>; rejected: number; namesDropped: number }, duplicates: number, report: string) {
  const skipped = Object.entries(counts.skippedReasons).map(([reason, n]) => `${n} ${reason}`).join(', ');
  console.log(`read ${counts.records} items; skipped: ${counts.skipped}${skipped ? ` (${skipped})` : ''}; rejected: ${counts.rejected + duplicates}${counts.rejected + duplicates ? ` (reasons in ${report})` : ''}`);
  if (counts.namesDropped) console.log(`byline entries that are not names, left out: ${counts.namesDropped} (in ${report})`);
}

function printSnapshotSummary(s: SnapshotSyncSummary, seconds: number, report: string) {
  const appliedBefore = `${s.parts.alreadyApplied} applied before`;
  if (s.writeTransactions === 0) {
    console.log(`\nNothing new in ${s.snapshot} (${s.layout} layout): ${appliedBefore}, nothing written.`);
    return;
  }
  console.log(`\n${s.snapshot} (${s.layout} layout): ${s.parts.applied.length} parts and merged-id files applied (${appliedBefore}), ` +
    `${s.records} records in ${seconds.toFixed(1)} s (${Math.round(s.records / seconds)} records/s), ${s.batches} batches, ${s.rowsWritten} rows written`);
  const shown = s.parts.applied.slice(0, 12);
  for (const part of shown) console.log(`  applied ${part.id} (${part.records} ${part.entity.startsWith('merged_ids') ? 'rows' : 'records'})`);
  if (s.parts.applied.length > shown.length) console.log(`  ... and ${s.parts.applied.length - shown.length} more`);
  const w = s.works;
  const skipped = Object.entries(w.skippedReasons).map(([reason, n]) => `${n} ${reason}`).join(', ');
  console.log(`works: ${w.records} records, ${w.skipped} skipped${skipped ? ` (${skipped})` : ''}, ${w.rejected} rejected${w.rejected ? ` (reasons in ${report})` : ''}` +
    `${w.namesDropped ? `, ${w.namesDropped} byline entries that are not names left out` : ''}, ${w.citationsLinked} citations linked across records`);
  console.table({
    papers: { created: w.papers.created, updated: w.papers.updated, unchanged: w.papers.unchanged },
    authors: { created: w.authors.created, 'matched existing': w.authors.matched, 'ambiguous name': w.authors.ambiguous },
    organizations: { created: w.organizations.created, 'matched existing': w.organizations.matched, 'ambiguous name': w.organizations.ambiguous },
    topics: { created: w.topics.created },
  });
  for (const [entity, counts, matched] of [['topics', s.topics, 'written'], ['institutions', s.institutions, 'in the graph'], ['authors', s.authors, 'in the graph']] as const) {
    if (counts.records) console.log(`${entity}: ${counts.records} records, ${counts.matched} ${matched}, ${counts.rejected} rejected`);
  }
  const m = s.merges;
  if (m.files) {
    const reasons = Object.entries(m.skippedReasons).map(([reason, n]) => `${n} ${reason}`).join(', ');
    console.log(`merged ids: ${m.files} files, ${m.rows} rows: ${m.merged} merged, ${m.aliased} aliased (old id not in the graph), ${m.deleted} deleted, ` +
      `${m.missingTarget} left (target not in the graph${m.missingTarget ? `, in ${report}` : ''}), ${m.skipped} skipped${reasons ? ` (${reasons})` : ''}`);
  }
  const phase = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`time: validate ${phase(s.ms.validate)}, topics ${phase(s.ms.topics)}, works ${phase(s.ms.works)}, institutions and authors ${phase(s.ms.entities)}, ` +
    `merges ${phase(s.ms.merges)}, author summaries ${phase(s.ms.refresh)}, citations ${phase(s.ms.link)}`);
}

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
