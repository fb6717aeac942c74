/**
 * `npm run eval:search`: how well the graph keeps institutions together and how well search finds
 * what a person means, on the real paper lists (../shared/data/paperlists), imported into a local
 * Neo4j instance of its own ("eval-search", reset first unless --reuse):
 *
 * - organizations: how many, how many with joined names (eval/lib/search-measures.ts
 *   joinedNameReason; a name src/ingest/affiliations/known-institutions.ts lists as one institution
 *   is not joined), and per institution (an organization part of no other) with --min-papers
 *   papers or more, the share of the papers whose raw affiliation strings name it that its node
 *   holds, its sub-units rolled up. "Names it": one of its names (its own, its aliases, the
 *   spellings the known-institutions table gives it) appears as whole
 *   words in the paper's raw `aff` string, and no longer organization name covers those words
 *   (InstitutionMatcher: "Google DeepMind" names Google DeepMind, not Google);
 * - organizations(search: <its name>): where the institution ranks;
 * - the author typeahead for the --authors most prolific authors (one per name): authors(search:) with the first
 *   name and the surname's first 3 letters, the full name, and 4 letters of the surname alone:
 *   top-1 and MRR@10.
 *
 * Everything is asked through the GraphQL API in-process, with the explorer's typeahead operations. Prints
 * markdown for docs/benchmarks.md; --json writes the figures and the misses.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Command } from 'commander';
import { pino } from 'pino';
import { cypher } from '../src/db/cypher.js';
import { normalizeKey } from '../src/domain/normalize.js';
import { institutionKey } from '../src/ingest/affiliations/identity.js';
import { KNOWN_INSTITUTIONS } from '../src/ingest/affiliations/known-institutions.js';
import { findFiles } from '../src/ingest/import.js';
import { createRepositoryFactory } from '../src/repositories/index.js';
import { createYogaServer } from '../src/yoga.js';
import { sharedDataDir } from '../scripts/shared-data.js';
import { askInProcess, evalInstanceOptions, importPaperLists, openEvalInstance } from './lib/eval-instance.js';
import { count } from '../bench/lib/cli.js';
import * as ExplorerOperations from '../explorer/src/operations.js';
import { machineLine, markdownTable } from '../bench/lib/report.js';
import { InstitutionMatcher, joinedNameReason, rankFigures, rankOf, typedPrefix } from './lib/search-measures.js';

const options = evalInstanceOptions(
  new Command('eval:search')
    .description('institutions kept together and search ranking, measured on the real paper lists')
    .option('--lists <dir>', 'the paper lists', join(sharedDataDir, 'paperlists'))
    .addOption(count('--min-papers <n>', 'institutions with at least this many papers are measured', 1, 100))
    .addOption(count('--authors <n>', 'the most prolific authors tried in the typeahead', 1, 100)),
  { instance: 'eval-search', boltPort: 7699, httpPort: 7486 },
)
  .option('--json <file>', 'also write the figures and every miss as JSON')
  .showHelpAfterError()
  .parse()
  .opts<{ lists: string; minPapers: number; authors: number; instance: string; boltPort: number; httpPort: number; reuse?: boolean; keep?: boolean; json?: string }>();

const lists = resolve(options.lists);
if (!existsSync(lists)) {
  console.error(`${lists} does not exist: point --lists (or SHARED_DATA_DIR) at the paper lists.`);
  process.exit(2);
}

// The evaluation resets its instance: only one of its own, never the one `npm start` serves.
const { driver, database, db, close } = await openEvalInstance(options);

try {
  if (!options.reuse) await importPaperLists(db, [lists]);

  const rows = async (path: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher(path), params, { database })).records.map((record) => record.toObject());

  // The raw affiliation string of every paper, by the record it came from (file#index).
  const rawAffiliation = new Map<string, string>();
  for (const file of findFiles('paperlist', [lists])) {
    const items = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    items.forEach((item, index) => {
      const aff = typeof item.aff === 'string' ? item.aff : typeof item.affs === 'string' ? item.affs : '';
      if (aff.trim()) rawAffiliation.set(`${basename(file)}#${index}`, aff);
    });
  }
  const paperAffiliation = new Map<string, string>();
  for (const { paperId, recordId } of await rows('eval/paper-records')) {
    const aff = rawAffiliation.get(recordId as string);
    if (aff) paperAffiliation.set(paperId as string, `${paperAffiliation.get(paperId as string) ?? ''};${aff}`);
  }

  // Organizations: how many, joined names.
  const organizations = await rows('eval/organization-names');
  const knownByKey = new Map(KNOWN_INSTITUTIONS.map((entry) => [institutionKey(entry.name), entry]));
  // A name the table knows as one institution ("Indiana University–Purdue University
  // Indianapolis") is not two joined, whatever its words.
  const joined = organizations.flatMap(({ name }) => {
    const reason = knownByKey.has(institutionKey(name as string)) ? null : joinedNameReason(name as string);
    return reason ? [{ name: name as string, reason }] : [];
  });
  const subUnits = organizations.filter((o) => o.isSubUnit).length;

  // Institutions and the papers that name them.
  // An institution's names: its own, its aliases (ROR), and the spellings the known-institutions
  // table lists for it ("KAIST", "Swiss Federal Institute of Technology Lausanne"), so that a
  // paper naming it any known way counts as naming it.
  const institutions = (await rows('eval/institutions')).map((row) => ({
    id: row.id as string, name: row.name as string,
    names: [row.name as string, ...(row.aliases as string[]), ...(knownByKey.get(institutionKey(row.name as string))?.variants ?? [])],
    paperIds: new Set(row.paperIds as string[]),
  }));
  const SUB_UNIT_HEAD = /^(the\s+)?(department|dept|school|faculty|laboratory|lab|center|centre|institute for|division|group|college of)\b/i;
  const matcher = new InstitutionMatcher(institutions.filter((o) => o.paperIds.size >= options.minPapers || (!joinedNameReason(o.name) && !SUB_UNIT_HEAD.test(o.name))));
  const naming = new Map<string, Set<string>>();
  for (const [paperId, aff] of paperAffiliation) {
    for (const id of matcher.named(aff)) {
      let papers = naming.get(id);
      if (!papers) naming.set(id, (papers = new Set()));
      papers.add(paperId);
    }
  }
  const large = institutions.filter((o) => o.paperIds.size >= options.minPapers).sort((a, b) => b.paperIds.size - a.paperIds.size);

  const yoga = createYogaServer({ repositories: createRepositoryFactory(db), logger: pino({ level: 'silent' }) });
  const ask = askInProcess(yoga);
  // The explorer's own typeahead operations (explorer/src/operations.ts), 10 hits instead of its 8.
  const typeahead = { authors: ExplorerOperations.SearchAuthors.toString(), organizations: ExplorerOperations.SearchOrganizations.toString() };
  const hits = async (field: 'authors' | 'organizations', search: string) => {
    const data = await ask<Record<string, { edges: { node: { id: string } }[] }>>(typeahead[field], { search, first: 10 });
    return data[field]!.edges.map((edge) => edge.node.id);
  };

  const institutionRows = [];
  for (const o of large) {
    const named = naming.get(o.id) ?? new Set<string>();
    const held = [...named].filter((paperId) => o.paperIds.has(paperId)).length;
    const searchRank = rankOf(await hits('organizations', o.name), encodeGlobalID('Organization', o.id));
    institutionRows.push({ name: o.name, papers: o.paperIds.size, naming: named.size, held, share: named.size ? held / named.size : 1, searchRank });
  }

  // The typeahead.
  // One person per name: where several nodes share a name, the one with the most papers (the
  // others cannot all come first for the same text).
  const seenNames = new Set<string>();
  const prolific = (await rows('eval/prolific-authors', { limit: options.authors * 2 }))
    .filter(({ name }) => !seenNames.has(normalizeKey(name as string)) && seenNames.add(normalizeKey(name as string)))
    .slice(0, options.authors);
  const tries = { 'first name + 3 letters': [] as (number | null)[], 'full name': [] as (number | null)[], '4 letters of the surname': [] as (number | null)[] };
  const typeaheadMisses: { typed: string; wanted: string; rank: number | null }[] = [];
  for (const { id, name } of prolific) {
    const wanted = encodeGlobalID('Author', id as string);
    const surname = (name as string).trim().split(/\s+/).at(-1)!;
    const typed: [keyof typeof tries, string | null][] = [
      ['first name + 3 letters', typedPrefix(name as string, 3)],
      ['full name', name as string],
      ['4 letters of the surname', [...surname].slice(0, 4).join('')],
    ];
    for (const [kind, text] of typed) {
      if (!text) continue;
      const rank = rankOf(await hits('authors', text), wanted);
      tries[kind].push(rank);
      if (rank !== 1 && kind !== '4 letters of the surname') typeaheadMisses.push({ typed: text, wanted: name as string, rank });
    }
  }

  // The report.
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const below = institutionRows.filter((row) => row.share < 0.9);
  const searchFirst = institutionRows.filter((row) => row.searchRank === 1).length;
  console.log(`\n## eval:search, ${new Date().toISOString().slice(0, 10)}\n\n${machineLine()}; ${paperAffiliation.size} papers with raw affiliations in ${lists}\n`);
  console.log(markdownTable(['measure', 'value'], [
    ['organizations', organizations.length],
    ['of them sub-units (PART_OF an institution)', subUnits],
    ['organizations with joined names', joined.length],
    [`institutions with ≥ ${options.minPapers} papers`, large.length],
    ['of them holding ≥ 90% of the papers naming them', `${large.length - below.length} of ${large.length}`],
    ['median share held', pct(institutionRows.map((row) => row.share).sort((a, b) => a - b)[Math.floor(institutionRows.length / 2)] ?? 0)],
    ['organizations(search: its name) puts it first', `${searchFirst} of ${large.length}`],
    ...Object.entries(tries).map(([kind, ranks]) => {
      const { n, top1, mrr } = rankFigures(ranks);
      return [`typeahead, ${kind} (${n} of the ${options.authors} most prolific)`, `top-1 ${pct(top1)}, MRR@10 ${mrr.toFixed(3)}`];
    }),
  ]));
  console.log(`\n### Institutions (≥ ${options.minPapers} papers; sub-units rolled up)\n`);
  console.log(markdownTable(['institution', 'papers on it', 'papers naming it', 'of those on it', 'share', 'search rank'],
    institutionRows.map((row) => [row.name, row.papers, row.naming, row.held, pct(row.share), row.searchRank ?? '> 10'])));
  if (joined.length) console.log(`\nJoined names, first 10:\n${joined.slice(0, 10).map((j) => `- ${j.name} (${j.reason})`).join('\n')}`);
  if (typeaheadMisses.length) console.log(`\nTypeahead misses, first 15:\n${typeaheadMisses.slice(0, 15).map((m) => `- "${m.typed}" for ${m.wanted}: rank ${m.rank ?? '> 10'}`).join('\n')}`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify({ organizations: organizations.length, subUnits, joined, institutions: institutionRows, typeahead: Object.fromEntries(Object.entries(tries).map(([k, r]) => [k, rankFigures(r)])), typeaheadMisses }, null, 2)}\n`);
} finally {
  await close();
}
