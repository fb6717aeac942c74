import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { runImport } from '../../src/ingest/import.js';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { createWrites } from '../../src/repositories/writes.js';
import { createYogaServer } from '../../src/yoga.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { ownEmptyNeo4jPerTest } from '../support/own-neo4j.js';

/**
 * Author identity from evidence (src/ingest/author-placement.ts, place-authors.ts) on paper lists
 * written here: two people named Wei Zhang (OpenReview ids on one conference's records, each with
 * coauthors and an institution of their own), name-only records of either (another conference,
 * as most real lists are), a name-only Wei Zhang with nothing in common with either, and a rarer
 * name with one person.
 */

const own = await ownEmptyNeo4jPerTest('identity');
const { database } = own;
const db = () => graphDatabaseOn(own.driver, database);
const rows = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await own.driver.executeQuery(cypher, params, { database })).records.map((record) => record.toObject());

interface Entry { title: string; author: string; authorids?: string; aff?: string; status: string }
const entry = (title: string, people: [name: string, id: string | null, aff: string][], ids: boolean): Entry => ({
  title, status: 'Poster',
  author: people.map(([name]) => name).join(';'),
  ...(ids && { authorids: people.map(([, id, ]) => id ?? 'someone@example.org').join(';') }),
  aff: people.map(([, , aff]) => aff).join(';'),
});
const WEI1: [string, string, string] = ['Wei Zhang', '~Wei_Zhang1', 'Peking University'];
const WEI2: [string, string, string] = ['Wei Zhang', '~Wei_Zhang2', 'Stanford University'];
const WEI_NAME_ONLY: [string, null, string] = ['Wei Zhang', null, ''];
const person = (name: string, aff: string): [string, null, string] => [name, null, aff];

const WITH_IDS: Entry[] = [
  ...[0, 1, 2].map((i) => entry(`Graph Kernels ${i}`, [WEI1, person('Ann Lee', 'Peking University'), person('Bob Stone', 'Peking University')], true)),
  ...[0, 1, 2].map((i) => entry(`Robot Hands ${i}`, [WEI2, person('Cara Diaz', 'Stanford University'), person('Dan Moe', 'Stanford University')], true)),
  entry('Ada Writes With Ids', [['Ada Quillfeather', '~Ada_Quillfeather1', 'Oxford University'], person('Eve Rowe', 'Oxford University')], true),
];
const NAME_ONLY: Entry[] = [
  ...[0, 1].map((i) => entry(`More Graph Kernels ${i}`, [WEI_NAME_ONLY, person('Ann Lee', '')], false)),
  ...[0, 1].map((i) => entry(`More Robot Hands ${i}`, [person('Dan Moe', ''), WEI_NAME_ONLY], false)),
  entry('Nothing In Common', [WEI_NAME_ONLY, person('Zed Unknown', '')], false),
  entry('Ada Writes Alone', [person('Ada Quillfeather', ''), person('Finn Gray', '')], false),
];

/** The lists as files: ICLR 2021 with ids, ICML 2020 without; `order` shuffles each file's records. */
function writeLists(order: (entries: Entry[]) => Entry[] = (entries) => entries) {
  const dir = mkdtempSync(join(tmpdir(), 'identity-'));
  mkdirSync(join(dir, 'iclr'));
  mkdirSync(join(dir, 'icml'));
  writeFileSync(join(dir, 'iclr', 'iclr2021.json'), JSON.stringify(order(WITH_IDS)));
  writeFileSync(join(dir, 'icml', 'icml2020.json'), JSON.stringify(order(NAME_ONLY)));
  return dir;
}
const importLists = (paths: string[], batchSize = 500) => runImport(db(), { format: 'paperlist', paths, batchSize });
const wipe = () => own.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
// The records' places in their files differ when shuffled (RECORDED_IN.recordId): nothing else may.
const fingerprint = () => graphFingerprint(own.driver, database, { ignoring: ['recordId'] });

const authorOf = async (title: string, nameKey = 'wei zhang') =>
  (await rows(`MATCH (a:Author {nameKey: $nameKey})-[:AUTHORED]->(:Paper {title: $title}) RETURN a.id AS id`, { title, nameKey }))[0]?.id;

describe('author identity from evidence', () => {
  it('places name-only authorships with the person the coauthors and institutions point to, and leaves the rest on the name', async () => {
    const dir = writeLists();
    const reportFile = join(dir, 'report.jsonl');
    const summary = await runImport(db(), { format: 'paperlist', paths: [join(dir, 'iclr'), join(dir, 'icml')], reportFile });
    expect(await authorOf('More Graph Kernels 0')).toBe('openreview:~Wei_Zhang1');
    expect(await authorOf('More Graph Kernels 1')).toBe('openreview:~Wei_Zhang1');
    expect(await authorOf('More Robot Hands 0')).toBe('openreview:~Wei_Zhang2');
    expect(await authorOf('Nothing In Common')).toBe('author:wei-zhang');
    // One person has the rarer name: the name-only record is theirs on the name's evidence.
    expect(await authorOf('Ada Writes Alone', 'ada quillfeather')).toBe('openreview:~Ada_Quillfeather1');
    expect(summary.identity.moved).toBe(5);
    // The report says where each one went and why.
    const [kernels] = await rows(`MATCH (p:Paper {title: 'More Graph Kernels 0'}) RETURN p.id AS id`);
    const placed = readFileSync(reportFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((line) => line.placed);
    expect(placed).toHaveLength(5);
    expect(placed).toContainEqual({ placed: kernels!.id, nameKey: 'wei zhang', from: 'author:wei-zhang', to: 'openreview:~Wei_Zhang1', method: 'coauthors', score: 1, evidence: ['coauthor: ann lee'] });
    expect(summary.authors.ambiguous).toBe(1);
    // Each person's summaries count the papers placed with them.
    expect(await rows(`MATCH (a:Author {id: 'openreview:~Wei_Zhang1'})-[r:AFFILIATED_WITH]->(o) RETURN o.name AS org, r.paperCount AS papers`))
      .toEqual([{ org: 'Peking University', papers: 3 }]);
  });

  it('makes the same graph whatever the order of the records, the batch size, and the number of imports', async () => {
    const dir = writeLists();
    await importLists([dir]);
    const once = await fingerprint();
    const reversed = writeLists((entries) => [...entries].reverse());
    const interleaved = writeLists((entries) => [...entries.filter((_, i) => i % 2), ...entries.filter((_, i) => i % 2 === 0)]);
    for (const [paths, batchSize] of [[[reversed], 1], [[interleaved], 2000], [[join(reversed, 'icml'), join(reversed, 'iclr')], 500], [[join(interleaved, 'iclr'), join(interleaved, 'icml')], 1]] as const) {
      await wipe();
      for (const path of paths) await importLists([path], batchSize);
      expect(await fingerprint(), `${paths.map((p) => p.split('/').slice(-2).join('/')).join(' then ')}, batches of ${batchSize}`).toEqual(once);
    }
    // Five imports and fingerprints: past 30 s on a loaded 2-core machine (seen in CI).
  }, 120_000);

  it('looks again when evidence arrives: a name-only record on its own stays on the name, and joins the person an identified record then reveals', async () => {
    const dir = writeLists();
    await importLists([join(dir, 'icml')]);
    expect(await authorOf('More Graph Kernels 0')).toBe('author:wei-zhang');
    expect(await authorOf('More Robot Hands 0')).toBe('author:wei-zhang');
    // The second import touches none of these records: the names' re-evaluation moves them.
    const summary = await importLists([join(dir, 'iclr')]);
    expect(summary.papers.created).toBe(7);
    expect(await authorOf('More Graph Kernels 0')).toBe('openreview:~Wei_Zhang1');
    expect(await authorOf('More Robot Hands 0')).toBe('openreview:~Wei_Zhang2');
    // Nothing new: nothing read, nothing written.
    const before = await fingerprint();
    expect((await importLists([dir])).identity).toEqual({ names: 0, placed: {}, moved: 0, ambiguousNames: 0 });
    expect(await fingerprint()).toEqual(before);
  });

  it('answers why an authorship is its author through the API, naming evidence that is really there', async () => {
    await importLists([writeLists()]);
    const yoga = createYogaServer({ repositories: createRepositoryFactory(db()), logger: pino({ level: 'silent' }) });
    const [paper] = await rows(`MATCH (p:Paper {title: 'More Graph Kernels 0'}) RETURN p.id AS id`);
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ node(id: "${encodeGlobalID('Paper', paper!.id as string)}") { ... on Paper { authorships { position name author { name } identity { method score evidence } } } } }` }),
    });
    const { data, errors } = await response.json();
    expect(errors).toBeUndefined();
    const [wei, ann] = data.node.authorships;
    expect(wei).toEqual({ position: 1, name: 'Wei Zhang', author: { name: 'Wei Zhang' }, identity: { method: 'COAUTHORS', score: 1, evidence: ['coauthor: ann lee'] } });
    expect(ann.identity).toEqual({ method: 'COAUTHORS', score: 1, evidence: ['coauthor: wei zhang'] });
    // Ann Lee really wrote with this Wei Zhang on another paper.
    expect(await rows(`MATCH (:Author {id: 'openreview:~Wei_Zhang1'})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(:Author {nameKey: 'ann lee'}) WHERE p.title STARTS WITH 'Graph Kernels' RETURN count(p) AS n`))
      .toEqual([{ n: 3 }]);
  });

  it("never undoes an operator's split or merge when it looks again", async () => {
    const dir = writeLists();
    await importLists([join(dir, 'icml')]);
    const writes = createWrites(db());
    // The operator says the record with nothing in common is someone else, and merges nothing more.
    const [lone] = await rows(`MATCH (p:Paper {title: 'Nothing In Common'}) RETURN p.id AS id`);
    const splitId = await writes.splitAuthor('author:wei-zhang', [lone!.id as string], null);
    await importLists([join(dir, 'iclr')]);
    expect(await authorOf('Nothing In Common')).toBe(splitId);
    // What stayed on the name's node is the operator's word too: the evidence moves none of it.
    expect(await authorOf('More Graph Kernels 0')).toBe('author:wei-zhang');
    expect(await rows(`MATCH (:Author {id: 'author:wei-zhang'})-[w:AUTHORED]->() RETURN DISTINCT w.identityMethod AS method`)).toEqual([{ method: 'curated' }]);
  });
});
