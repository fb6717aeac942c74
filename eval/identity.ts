/**
 * `npm run eval:identity`: how well the importer puts each byline entry on the right person,
 * scored against the OpenReview profile ids (`~First_Last1`) of the real paper lists
 * (../shared/data/paperlists), whatever way the importer decides:
 *
 * - copies of the lists are written with the `authorids` of the chosen records removed (`--hide
 *   all`: every record; `share`: a seeded share of them, by a hash of the record id; `none`), and
 *   imported with runImport into a local Neo4j instance of its own ("eval-identity", reset first
 *   unless --reuse);
 * - each id-carrying authorship of the original lists (parsed as the importer parses them) is
 *   looked up in the graph by its record (`file#index`) and byline position: the author node that
 *   holds it is its cluster, its profile id its true person. In `share` runs only the authorships
 *   whose ids were hidden are scored. Entries the graph holds at no position are left out (and
 *   listed): a record the import dropped as a duplicate has no paper of its own, and two entries
 *   of one name on one paper may be written as one authorship.
 * - B³ and pairwise precision, recall and F1 (eval/lib/identity-measures.ts), over all scored
 *   authorships and over the names two or more people share, for this graph and for the
 *   name-only baseline (every authorship on its normalized name), and the names it gets most
 *   wrong. Prints markdown; --json writes the figures and every miss.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { cypher } from '../src/db/cypher.js';
import { findFiles, ImportInputError, type ImportSummary } from '../src/ingest/import.js';
import { sharedDataDir } from '../scripts/shared-data.js';
import { evalInstanceOptions, importPaperLists, openEvalInstance } from './lib/eval-instance.js';
import { count } from '../bench/lib/cli.js';
import { machineLine, markdownTable } from '../bench/lib/report.js';
import { ambiguousNames, bCubed, byNameOnly, hiddenInShare, misses, onNames, pairwise, type Miss, type ScoredAuthorship } from './lib/identity-measures.js';
import { trueAuthorships } from './lib/identity-truth.js';

const HIDE_MODES = ['all', 'share', 'none'] as const;
type HideMode = (typeof HIDE_MODES)[number];

const share = (value: string) => {
  const parsed = Number(value);
  if (!(parsed > 0 && parsed <= 1)) throw new InvalidArgumentError('a share above 0, up to 1');
  return parsed;
};

const options = evalInstanceOptions(
  new Command('eval:identity')
    .description('author identity scored against the OpenReview profile ids of the real paper lists')
    .option('--lists <dir>', 'the paper lists', join(sharedDataDir, 'paperlists'))
    .addOption(new Option('--hide <mode>', "whose authorids the import does not see: every record's, a seeded share of records', or none").choices(HIDE_MODES).default('all'))
    .addOption(new Option('--share <fraction>', 'with --hide share: the share of records hidden').argParser(share).default(0.5))
    .addOption(count('--seed <n>', 'with --hide share: which records (the same every run for one seed)', 0, 1))
    .addOption(count('--misses <n>', 'the names shown of the most merged and the most split', 0, 10)),
  { instance: 'eval-identity', boltPort: 7698, httpPort: 7487, reuse: 'measure the graph already in the instance (no reset, no import; --hide still says which authorships are scored)' },
)
  .option('--json <file>', 'also write the figures and every miss as JSON')
  .showHelpAfterError()
  .parse()
  .opts<{ lists: string; hide: HideMode; share: number; seed: number; misses: number; instance: string; boltPort: number; httpPort: number; reuse?: boolean; keep?: boolean; json?: string }>();

const lists = resolve(options.lists);
let files: string[];
try {
  files = findFiles('paperlist', [lists]);
} catch (error) {
  if (!(error instanceof ImportInputError)) throw error;
  console.error(`${error.message}: point --lists (or SHARED_DATA_DIR) at the paper lists.`);
  process.exit(2);
}

/** Whether the import is not shown this record's authorids. */
const hidden = (recordId: string) => options.hide === 'all' || (options.hide === 'share' && hiddenInShare(recordId, options.share, options.seed));

/**
 * Copies of the lists in a new temporary folder, the same relative paths and file names (the
 * importer takes conference and year from the name, record ids from the name and index), the
 * hidden records without their `authorids`. Returns the folder and how many records lost ids.
 */
function listsWithIdsHidden(): { dir: string; recordsHidden: number } {
  const dir = mkdtempSync(join(tmpdir(), 'eval-identity-'));
  let recordsHidden = 0;
  for (const file of files) {
    const items = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    const copied = items.map((item, index) => {
      if (typeof item !== 'object' || item === null || !('authorids' in item) || !hidden(`${basename(file)}#${index}`)) return item;
      recordsHidden++;
      const { authorids: _hidden, ...rest } = item as Record<string, unknown>;
      return rest;
    });
    const target = join(dir, relative(lists, file) || basename(file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(copied));
  }
  return { dir, recordsHidden };
}

// The evaluation resets its instance: only one of its own, never the one `npm start` serves.
const { driver, database, db, close } = await openEvalInstance(options);

try {
  let imported: { summary: ImportSummary; seconds: number; recordsHidden: number } | undefined;
  if (!options.reuse) {
    const { dir, recordsHidden } = listsWithIdsHidden();
    try {
      console.error(`authorids removed from ${recordsHidden} records (--hide ${options.hide}); importing ${dir}`);
      const { summary, seconds } = await importPaperLists(db, [dir]);
      imported = { summary, seconds, recordsHidden };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // Which author node holds each byline entry, by record and position.
  const holder = new Map<string, string>();
  let heldTwice = 0;
  const { records } = await driver.executeQuery(cypher('eval/authorships-by-record'), {}, { database });
  for (const record of records) {
    const key = `${record.get('recordId') as string}@${Number(record.get('position'))}`;
    if (holder.has(key)) heldTwice++;
    holder.set(key, record.get('authorId') as string);
  }

  // The truth, from the original lists; scored: the id-carrying authorships whose ids the import did not see (all of them unless --hide share).
  const truth = trueAuthorships(files);
  const candidates = options.hide === 'share' ? truth.filter((authorship) => hidden(authorship.recordId)) : truth;
  const scored: ScoredAuthorship[] = [];
  // Entries the graph holds at no position: a record dropped as a duplicate, or two entries of one name on one paper written as one authorship.
  const leftOut: typeof candidates = [];
  for (const authorship of candidates) {
    const cluster = holder.get(`${authorship.recordId}@${authorship.position}`);
    if (cluster) scored.push({ cluster, truth: authorship.truth, name: authorship.name });
    else leftOut.push(authorship);
  }
  // Names two or more people share, among all id-carrying authorships the graph holds.
  const ambiguous = ambiguousNames(truth.filter(({ recordId, position }) => holder.has(`${recordId}@${position}`)));
  const onAmbiguous = onNames(scored, ambiguous);

  const measured = (items: ScoredAuthorship[]) => ({
    authorships: items.length,
    people: new Set(items.map((item) => item.truth)).size,
    nodes: new Set(items.map((item) => item.cluster)).size,
    bCubed: bCubed(items),
    pairwise: pairwise(items),
  });
  const figures = {
    all: { baseline: measured(byNameOnly(scored)), graph: measured(scored) },
    ambiguous: { baseline: measured(byNameOnly(onAmbiguous)), graph: measured(onAmbiguous) },
  };
  const wrong = misses(scored);

  // The report.
  const f = (x: number) => x.toFixed(4);
  const importTime = imported ? `${imported.seconds.toFixed(0)} s` : 'not imported (--reuse)';
  const table = (set: typeof figures.all) =>
    markdownTable(
      ['clustering', { title: 'authorships', align: 'right' }, { title: 'nodes', align: 'right' }, 'B³ P', 'B³ R', 'B³ F1', 'pairwise P', 'pairwise R', 'pairwise F1', 'import'],
      ([['name only (baseline)', set.baseline, 'in memory'], ['this graph', set.graph, importTime]] as const).map(([label, m, time]) => [
        label, m.authorships, m.nodes, f(m.bCubed.precision), f(m.bCubed.recall), f(m.bCubed.f1), f(m.pairwise.precision), f(m.pairwise.recall), f(m.pairwise.f1), time,
      ]),
    );
  const scoredWhat = options.hide === 'share'
    ? `the id-carrying authorships of the records whose ids were hidden (share ${options.share}, seed ${options.seed})`
    : options.hide === 'none'
      ? 'every id-carrying authorship, the ids given to the import (--hide none)'
      : 'every id-carrying authorship, every id hidden from the import';
  console.log(`\n## eval:identity, ${new Date().toISOString().slice(0, 10)}\n\n${machineLine()}; ${lists}, --hide ${options.hide}`);
  console.log(`\nScored: ${scoredWhat}: ${scored.length} authorships of ${figures.all.graph.people} people; ${leftOut.length} left out, the graph holding them at no position (a record dropped as a duplicate, or two entries of one name on one paper made one authorship)${leftOut.length ? `: ${leftOut.slice(0, 5).map((a) => `${a.recordId} #${a.position} ${a.name}`).join(', ')}${leftOut.length > 5 ? ', ...' : ''}` : ''}${heldTwice ? `; ${heldTwice} byline positions held by two authors` : ''}.`);
  if (imported) {
    const { summary } = imported;
    console.log(`Import: ${summary.records} records, ${summary.rejected} rejected (duplicates among them), ${imported.recordsHidden} with their authorids removed; placement: ${summary.identity.names} names, ${summary.identity.moved} authorships moved, methods ${JSON.stringify(summary.identity.placed)}.`);
  }
  console.log(`\n### All scored authorships (${figures.all.graph.authorships}, ${figures.all.graph.people} people)\n`);
  console.log(table(figures.all));
  console.log(`\n### Names two or more people share (${ambiguous.size} names, ${figures.ambiguous.graph.authorships} scored authorships, ${figures.ambiguous.graph.people} people)\n`);
  console.log(table(figures.ambiguous));
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const missList = (list: Miss[]) =>
    list.length
      ? list.slice(0, options.misses).map((m) =>
          `- ${m.name}: ${plural(m.authorships, 'authorship', 'authorships')} of ${plural(m.people, 'person', 'people')} (${Object.entries(m.ids).map(([id, n]) => `${id} ${n}`).join(', ')}) on ${plural(m.nodes, 'node', 'nodes')}`).join('\n')
      : '- none';
  console.log(`\n### Cases it gets wrong\n\nMost wrongly merged (authorships of the name on a node holding 2+ true people; ${wrong.merged.length} names):\n${missList(wrong.merged)}`);
  console.log(`\nMost split (authorships of the name whose true person is on 2+ nodes; ${wrong.split.length} names):\n${missList(wrong.split)}`);
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({
      machine: machineLine(), lists, hide: options.hide, ...(options.hide === 'share' && { share: options.share, seed: options.seed }),
      import: imported && { seconds: imported.seconds, recordsHidden: imported.recordsHidden, summary: imported.summary },
      scored: scored.length, leftOut, heldTwice, ambiguousNames: ambiguous.size, figures, misses: wrong,
    }, null, 2)}\n`);
  }
} finally {
  await close();
}
