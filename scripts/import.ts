/**
 * `npm run import -- <format> <files or folders...>`: imports bibliographic data into the
 * configured Neo4j (the local one when NEO4J_URI is unset). Formats: openalex (API pages or
 * JSON Lines, optionally gzipped), paperlist (conference paper lists), json (the project's form).
 */
import { writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import { loadConfig } from '../src/config.js';
import { openDatabase, type OpenDatabase } from '../tools/open-database.js';
import { FORMATS, runImport, type Format, type ImportSummary } from '../src/ingest/import.js';

const program = new Command('import')
  .description('Import papers, authors, organizations and topics; safe to run again (unchanged records are skipped)')
  .addArgument(new Command().createArgument('<format>', 'input format').choices(FORMATS))
  .argument('<paths...>', 'files or folders (searched recursively)')
  .option('--batch-size <n>', 'records per transaction', '500')
  .option('--include-unpublished', 'paper lists: keep rejected and withdrawn submissions')
  .option('--report <file>', 'where to write rejected records with their reasons (JSON Lines)', 'import-rejected.jsonl')
  .option('--summary <file>', 'also write the summary as JSON (counts and where the time went)')
  .addOption(new Option('--no-progress', 'no progress bar (e.g. in logs)'))
  .showHelpAfterError();

program.action(async (format: Format, paths: string[], options: { batchSize: string; includeUnpublished?: boolean; report: string; summary?: string; progress: boolean }) => {
  let opened: OpenDatabase | undefined;
  const bar = new SingleBar({
    format: 'importing |{bar}| {percentage}% {value}/{total} records | {rate}/s | ETA {eta_formatted}',
    hideCursor: true,
    noTTYOutput: false,
  });
  const started = Date.now();
  try {
    opened = await openDatabase(loadConfig());
    let barStarted = false;
    const summary = await runImport(opened, {
      format,
      paths,
      batchSize: Number(options.batchSize),
      includeUnpublished: options.includeUnpublished,
      reportFile: options.report,
      onProgress: options.progress
        ? ({ done, total }) => {
            const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
            if (!barStarted) bar.start(total, done, { rate });
            barStarted = true;
            bar.update(done, { rate });
          }
        : undefined,
    });
    bar.stop();
    printSummary(summary, (Date.now() - started) / 1000, options.report);
    if (options.summary) writeFileSync(options.summary, `${JSON.stringify({ ...summary, seconds: (Date.now() - started) / 1000, cpuMs: process.cpuUsage() }, null, 2)}\n`);
  } catch (error) {
    bar.stop();
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await opened?.driver.close();
  }
});

function printSummary(s: ImportSummary, seconds: number, report: string) {
  const skipped = Object.entries(s.skippedReasons).map(([reason, n]) => `${n} ${reason}`).join(', ');
  console.log(`\n${s.records} records in ${seconds.toFixed(1)} s (${Math.round(s.records / seconds)} records/s), ${s.batches} batches`);
  console.table({
    papers: { created: s.papers.created, updated: s.papers.updated, unchanged: s.papers.unchanged },
    authors: { created: s.authors.created, 'matched existing': s.authors.matched, 'ambiguous name': s.authors.ambiguous },
    organizations: { created: s.organizations.created, 'matched existing': s.organizations.matched, 'ambiguous name': s.organizations.ambiguous },
    topics: { created: s.topics.created },
  });
  const phase = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`time: parse ${phase(s.ms.parse)}, resolve ${phase(s.ms.resolve)}, write ${phase(s.ms.write)}, commit ${phase(s.ms.commit)}, author summaries ${phase(s.ms.refresh)}`);
  console.log(`skipped: ${s.skipped}${skipped ? ` (${skipped})` : ''}`);
  console.log(`rejected: ${s.rejected}${s.rejected ? ` (reasons in ${report})` : ''}`);
  if (s.namesDropped) console.log(`byline entries that are not names, left out: ${s.namesDropped} (in ${report})`);
  if (s.citationsLinked) console.log(`citations linked across records: ${s.citationsLinked}`);
}

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
