/**
 * The command-line side of the bulk first load (tools/bulk-load.ts), shared by
 * `npm run import -- ... --bulk` and `npm run generate -- ... --bulk`: progress bars for the
 * conversion and the summaries, the summary with every phase timed, the remote instructions.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Config } from '../src/config.js';
import type { GraphDatabase } from '../src/db/driver.js';
import { removeConverterFiles, type RecordStream } from '../src/ingest/bulk/convert.js';
import { bulkLoad, type BulkLoadSummary } from '../tools/bulk-load.js';
import { baseDir } from '../tools/local-neo4j/paths.js';

export interface BulkCliOptions {
  config: Config;
  records: () => RecordStream;
  /** Records expected (the bar's total), if known; a function is asked after `records()`. */
  total?: number | (() => number | undefined);
  dir?: string;
  keepFiles?: boolean;
  progress?: boolean;
  onRejected?: (recordId: string, reason: string) => void | Promise<void>;
  afterLoad?: (db: GraphDatabase) => Promise<void>;
  finishCommand?: string;
  threads?: number;
  maxOffHeapMemory?: string;
  summaryFile?: string;
}

export const defaultBulkDir = (config: Config) => join(baseDir(config.localNeo4j.dir), 'bulk', config.localNeo4j.instance);

const bar = (label: string, unit: string) =>
  new cliProgress.SingleBar(
    {
      format: `${label} {bar} {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      etaBuffer: 20,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );

export async function runBulkCli(options: BulkCliOptions): Promise<BulkLoadSummary> {
  const dir = options.dir ?? defaultBulkDir(options.config);
  const show = options.progress !== false;
  const converting = bar('converting', 'records');
  const summarizing = bar('author summaries', 'authors');
  let convertStarted = 0;
  let summaryStarted = 0;
  const rate = (done: number, since: number) => Math.round(done / Math.max((performance.now() - since) / 1000, 0.001));
  let active: cliProgress.SingleBar | undefined;
  let total: number | undefined;
  const log = (line: string) => {
    if (active) process.stderr.write('\n');
    console.error(line);
  };
  try {
    const summary = await bulkLoad({
      config: options.config,
      dir,
      records: () => {
        const records = options.records();
        total = typeof options.total === 'function' ? options.total() : options.total;
        if (show) {
          convertStarted = performance.now();
          converting.start(total ?? 0, 0, { rate: 0 });
          active = converting;
        }
        return records;
      },
      admin: { threads: options.threads, maxOffHeapMemory: options.maxOffHeapMemory },
      onRejected: options.onRejected,
      onConvertProgress: show
        ? (records) => {
            if (!total) converting.setTotal(records);
            converting.update(records, { rate: rate(records, convertStarted) });
          }
        : undefined,
      onSummaryProgress: show
        ? (authors, total) => {
            if (!summaryStarted) {
              converting.stop();
              summaryStarted = performance.now();
              summarizing.start(total, 0, { rate: 0 });
              active = summarizing;
            }
            summarizing.update(authors, { rate: rate(authors, summaryStarted) });
          }
        : undefined,
      afterLoad: options.afterLoad,
      // The files' folder too: the finish step reads the author patches from it.
      finishCommand: `${options.finishCommand ?? `npm run import -- json ${dir} --bulk-finish`} --bulk-dir ${dir}`,
      log: (line) => {
        if (active === converting) {
          converting.stop();
          active = undefined;
        }
        log(line);
      },
    });
    converting.stop();
    summarizing.stop();
    printBulkSummary(summary);
    if (options.summaryFile) writeFileSync(options.summaryFile, `${JSON.stringify({ ...summary, convert: { ...summary.convert, groups: undefined } }, null, 2)}\n`);
    if (!summary.remote && !options.keepFiles) removeConverterFiles(dir, { folderIfEmpty: true });
    return summary;
  } finally {
    converting.stop();
    summarizing.stop();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function printBulkSummary(summary: BulkLoadSummary) {
  const { convert, ms } = summary;
  const nodes = Object.values(convert.nodes).reduce((a, b) => a + b, 0);
  const relationships = Object.values(convert.relationships).reduce((a, b) => a + b, 0);
  console.log(`\n${convert.records} records: ${convert.records - convert.duplicates} papers loaded, ${convert.duplicates} duplicates (in the report)`);
  console.log(`nodes: ${Object.entries(convert.nodes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`relationships: ${Object.entries(convert.relationships).map(([k, v]) => `${k} ${v}`).join(', ')}; references outside the load: ${convert.referencesOutside}`);
  const rows = nodes + relationships;
  const loadMs = ms.convert + ms.adminImport;
  console.log(
    `time: convert ${seconds(ms.convert)}, admin import ${seconds(ms.adminImport)}, schema ${seconds(ms.schema)}, author summaries ${seconds(ms.summaries)}` +
      `${ms.afterLoad ? `, after load ${seconds(ms.afterLoad)}` : ''}; total ${seconds(ms.total)}` +
      ` (${Math.round(rows / (ms.total / 1000))} rows/s overall, ${Math.round(rows / (loadMs / 1000))} rows/s convert + import; ${rows} rows)`,
  );
  console.log(`converter key indexes: ${Math.round(convert.indexBytes / 2 ** 20)} MiB; peak RSS of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  if (summary.remote) {
    console.log(`\nNEO4J_URI is remote: nothing was imported. The files are in ${convert.dir}. On the database host:\n\n  ${summary.remote.command}\n`);
    for (const step of summary.remote.then) console.log(`- ${step}`);
  } else console.log(`loaded into ${summary.uri}; ${summary.authorsRefreshed} authors' summaries computed`);
}
