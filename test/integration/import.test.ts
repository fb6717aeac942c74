import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { runImport, type ImportOptions } from '../../src/ingest/import.js';
import { checkRecord, type PaperRecord } from '../../src/ingest/record.js';
import { createImportWriter } from '../../src/ingest/writer.js';
import { createWrites } from '../../src/repositories/writes.js';
import { SEED_FILE } from '../../src/ingest/seed.js';
import { projectRoot } from '../../src/paths.js';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';
import { sharedDataDir } from '../../scripts/shared-data.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { ownEmptyNeo4jPerTest } from '../support/own-neo4j.js';
import { skipWithout } from '../support/requirements.js';

/**
 * Importing real formats into an instance of its own (the tests wipe it, and one kills an
 * import half way), each test from an empty graph.
 */

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'import');
const own = await ownEmptyNeo4jPerTest('import');
const { local, database, uri } = own;

const importFixtures = (format: ImportOptions['format'], ...paths: string[]) =>
  runImport(graphDatabaseOn(own.driver, database), { format, paths: paths.map((path) => join(FIXTURES, path)), reportFile: join(mkdtempSync(join(tmpdir(), 'report-')), 'r.jsonl') });
const rows = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await own.driver.executeQuery(cypher, params, { database })).records.map((record) => record.toObject());

describe('formats', () => {
  it('imports OpenAlex pages and gzipped JSON Lines with ids, ORCID, institutions, topics and citations', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'openalex-'));
    writeFileSync(join(folder, 'later.jsonl.gz'), gzipSync(readFileSync(join(FIXTURES, 'openalex', 'later.jsonl'))));
    const first = await importFixtures('openalex', 'openalex/works-page.json');
    expect(first).toMatchObject({ records: 3, skipped: 1, rejected: 0, papers: { created: 2 } });
    const second = await runImport(graphDatabaseOn(own.driver, database), { format: 'openalex', paths: [folder] });
    expect(second.papers.created).toBe(1);
    expect(second.citationsLinked).toBe(1); // W101 cited W999 before W999 arrived

    const [advanced] = await rows(`MATCH (p:Paper {openalexId: 'W101'}) RETURN p.doi AS doi, p.year AS year, p.venue AS venue, p.abstract AS abstract,
      [(p)-[:CITES]->(c) | c.openalexId] AS cites, [(a)-[w:AUTHORED]->(p) | [w.position, a.name, a.orcid]] AS byline, [(p)-[:HAS_TOPIC]->(t) | t.name] AS topics`);
    expect(advanced).toMatchObject({ doi: '10.1234/advanced', year: 2021, venue: 'Journal of Tests', abstract: 'Graphs are everywhere.', topics: ['Graph Learning'] });
    expect((advanced!.cites as string[]).sort()).toEqual(['W100', 'W999']);
    expect((advanced!.byline as unknown[][]).sort()).toEqual([[1, 'Alan Turing', null], [2, 'Grace Hopper', '0000-0001-0000-0003']]);
    const turing = await rows(`MATCH (a:Author {openalexId: 'A2'})-[r:AFFILIATED_WITH]->(o) RETURN o.ror AS ror, r.paperCount AS papers, r.firstYear AS first, r.lastYear AS last ORDER BY ror`);
    expect(turing).toEqual([
      { ror: '052gg0110', papers: 1, first: 2019, last: 2019 },
      { ror: '05a28rw58', papers: 2, first: 2019, last: 2021 },
    ]);
  }, 120_000); // The first import on this file's fresh instance plans every import statement: 9 s alone, 31 s on a loaded machine.

  it('keeps OpenAlex corresponding authors, raw names and the topic hierarchy, and moves the primary topic on update', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'openalex-'));
    const hierarchy = {
      subfield: { id: 'https://openalex.org/subfields/1702', display_name: 'Artificial Intelligence' },
      field: { id: 'https://openalex.org/fields/17', display_name: 'Computer Science' },
      domain: { id: 'https://openalex.org/domains/3', display_name: 'Physical Sciences' },
    };
    const work = (primary: string, corresponding: boolean) => ({
      id: 'https://openalex.org/W7', title: 'Hierarchies', publication_year: 2022,
      authorships: [
        { author: { id: 'https://openalex.org/A7', display_name: 'Ada Lovelace' }, raw_author_name: 'A. Lovelace', is_corresponding: corresponding },
        { author: { id: 'https://openalex.org/A8', display_name: 'Alan Turing' }, raw_author_name: 'Alan Turing' },
      ],
      primary_topic: { id: `https://openalex.org/${primary}`, display_name: primary, score: 0.9, ...hierarchy },
      topics: ['T1', 'T2'].map((id) => ({ id: `https://openalex.org/${id}`, display_name: id, score: id === primary ? 0.9 : 0.5, ...hierarchy })),
    });
    writeFileSync(join(folder, 'a.jsonl'), `${JSON.stringify(work('T1', true))}\n`);
    await runImport(graphDatabaseOn(own.driver, database), { format: 'openalex', paths: [folder] });
    const byline = () => rows(`MATCH (a:Author)-[w:AUTHORED]->(:Paper {openalexId: 'W7'}) RETURN a.openalexId AS id, w.corresponding AS corresponding, w.rawName AS rawName ORDER BY id`);
    const topics = () => rows(`MATCH (:Paper {openalexId: 'W7'})-[h:HAS_TOPIC]->(t) RETURN t.id AS id, h.primary AS primary, h.score AS score ORDER BY id`);
    expect(await byline()).toEqual([{ id: 'A7', corresponding: true, rawName: 'A. Lovelace' }, { id: 'A8', corresponding: null, rawName: null }]);
    expect(await topics()).toEqual([{ id: 'openalex:T1', primary: true, score: 0.9 }, { id: 'openalex:T2', primary: null, score: 0.5 }]);
    expect(await rows(`MATCH path = (:Topic {id: 'openalex:T1'})-[:PART_OF*]->(root:Topic) WHERE NOT (root)-[:PART_OF]->()
      RETURN [t IN nodes(path) | [t.id, t.scheme, t.code, t.name]] AS chain`)).toEqual([{ chain: [
      ['openalex:T1', 'openalex', 'T1', 'T1'], ['openalex:subfields/1702', 'openalex-subfield', '1702', 'Artificial Intelligence'],
      ['openalex:fields/17', 'openalex-field', '17', 'Computer Science'], ['openalex:domains/3', 'openalex-domain', '3', 'Physical Sciences'],
    ] }]);
    writeFileSync(join(folder, 'a.jsonl'), `${JSON.stringify(work('T2', false))}\n`);
    await runImport(graphDatabaseOn(own.driver, database), { format: 'openalex', paths: [folder] });
    expect(await byline()).toEqual([{ id: 'A7', corresponding: null, rawName: 'A. Lovelace' }, { id: 'A8', corresponding: null, rawName: null }]);
    expect(await topics()).toEqual([{ id: 'openalex:T1', primary: null, score: 0.5 }, { id: 'openalex:T2', primary: true, score: 0.9 }]);
    expect(await rows(`MATCH (t:Topic) RETURN count(*) AS topics`)).toEqual([{ topics: 5 }]);
  });

  it('imports paper lists of every shape, skipping what was not published, and says why it rejected', async () => {
    const reportFile = join(mkdtempSync(join(tmpdir(), 'report-')), 'rejected.jsonl');
    const summary = await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: [join(FIXTURES, 'paperlists')], reportFile });
    expect(summary).toMatchObject({ records: 9, skipped: 2, rejected: 1, skippedReasons: { 'status Reject': 1, 'status Withdraw': 1 } });
    // Besides rejections the report has a line per authorship placement moved (author-identity.test.ts).
    expect(readFileSync(reportFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((line) => !line.placed)).toEqual([
      { record: 'iclr2022.json#3', reason: expect.stringContaining('no authors') },
    ]);
    const [icml] = await rows(`MATCH (p:Paper {titleKey: 'a baseline for any order gradient estimation'}) RETURN p.citationCount AS citations, p.venue AS venue,
      [(a)-[w:AUTHORED]->(p) | [w.position, a.name, [(a)-[:AFFILIATED_WITH]->(o) | o.name]]] AS byline`);
    expect(icml!.citations).toBe(14);
    expect(icml!.venue).toBe('ICML 2019');
    expect((icml!.byline as unknown[][]).sort()).toEqual([
      [1, 'Jingkai Mao', ['Man AHL', 'University of Oxford'].sort()],
      [2, 'Jakob Foerster', ['University of Oxford']],
      [3, 'Tim Rocktäschel', ['University College London']],
    ].map(([p, n, orgs]) => [p, n, expect.arrayContaining(orgs as string[])]));
    const [cvpr] = await rows(`MATCH (p:Paper {arxivId: '2102.04530'}) RETURN [(p)-[:FROM_ORGANIZATION]->(o) | o.name] AS orgs, count{ (p)<-[:AUTHORED]-() } AS authors`);
    expect(cvpr).toEqual({ orgs: ["Huawei Noah's Ark Lab"], authors: 3 }); // one string for the whole paper; Canada its country
    const [iclr] = await rows(`MATCH (p:Paper {openreviewId: 'VNqaB1g9393'}) RETURN [(p)-[:HAS_TOPIC]->(t) | t.name] AS topics`);
    expect((iclr!.topics as string[]).sort()).toEqual(['domain adaptation', 'object detection']);
  });
});

describe('identity', () => {
  it('makes one author of "baixu chen" and "Baixu Chen", and one paper of a preprint and its conference version', async () => {
    await runImport(graphDatabaseOn(own.driver, database), { format: 'json', paths: [SEED_FILE] });
    await importFixtures('paperlist', 'paperlists');
    // The profile's name-only Baixu Chen is placed with the one identified Baixu Chen (papers in
    // common, coauthors in common), and what the profile reported goes with them.
    const baixu = await rows(`MATCH (a:Author {nameKey: 'baixu chen'}) RETURN a.id AS id, a.openreviewId AS openreview, count{ (a)-[:AUTHORED]->() } AS papers,
      [(a)-[:REPORTED_IN]->(s) | s.id] AS reportedIn`);
    expect(baixu).toEqual([{ id: 'openreview:~Baixu_Chen2', openreview: '~Baixu_Chen2', papers: 6, reportedIn: ['source:profile-baixu-chen'] }]);
    const [dst] = await rows(`MATCH (p:Paper {titleKey: 'debiased self training for semi supervised learning'})
      RETURN count(*) AS copies, p.id AS id, p.venue AS venue, p.authorListComplete AS complete, [(p)-[:RECORDED_IN]->(s) | s.id] AS sources,
             [(a)-[w:AUTHORED]->(p) | w.position] AS positions`);
    expect(dst).toMatchObject({ copies: 1, id: 'paper:debiased-self-training-2022', venue: 'NeurIPS 2022', complete: true });
    expect((dst!.sources as string[]).sort()).toEqual(['source:paperlist:nips2022', 'source:profile-baixu-chen']);
    expect((dst!.positions as number[]).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('sends a name shared by several identified authors to the name’s own node, never to one of them', async () => {
    const summary = await importFixtures('paperlist', 'paperlists');
    expect(summary.authors.ambiguous).toBe(1);
    const weis = await rows(`MATCH (a:Author {nameKey: 'wei wang'}) RETURN a.id AS id, [(a)-[:AUTHORED]->(p) | p.title] AS papers ORDER BY id`);
    expect(weis).toEqual([
      { id: 'author:wei-wang', papers: ['A Paper by Wei Wang Alone'] },
      { id: 'openreview:~Wei_Wang1', papers: ['Two Wei Wangs Write a Paper'] },
      { id: 'openreview:~Wei_Wang2', papers: ['Two Wei Wangs Write a Paper'] },
    ]);
  });
});

describe('malformed records', () => {
  it('are rejected with a reason while the rest of their batch lands', async () => {
    const good = (n: number) => ({ id: `Good0000000${n}`, title: `A Good Paper ${n}`, status: 'Poster', author: `Good Author ${n};Other Author` });
    const folder = mkdtempSync(join(tmpdir(), 'malformed-'));
    writeFileSync(join(folder, 'iclr2020.json'), JSON.stringify([
      good(1),
      { id: 'NoTitle00001', status: 'Poster', author: 'Some One' },
      { id: 'NoAuthors001', title: 'No Authors', status: 'Poster' },
      { id: 'WrongType001', title: 42, status: 'Poster', author: 'Some One' },
      { id: 'WrongType002', title: 'Authors Not Text', status: 'Poster', author: ['Some One'] },
      { id: 'HugeTitle001', title: 'x'.repeat(10 * 1024 * 1024), status: 'Poster', author: 'Some One' },
      good(2),
      { ...good(3), id: 'Good00000001', title: 'Same Id As The First' },
      'not even an object',
    ]));
    const reportFile = join(folder, 'rejected.jsonl');
    const summary = await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: [folder], reportFile, batchSize: 100 });
    expect(summary).toMatchObject({ records: 9, rejected: 7, papers: { created: 2 } });
    const reasons = readFileSync(reportFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line).reason as string);
    expect(reasons).toEqual([
      expect.stringContaining('title'),
      expect.stringContaining('no authors'),
      expect.stringContaining('title'),
      expect.stringContaining('author list is not a string'),
      expect.stringContaining('title: String must contain at most 2000'),
      expect.stringContaining('duplicate of iclr2020.json#0'),
      expect.stringContaining('not a JSON object'),
    ]);
    expect(await rows('MATCH (p:Paper) RETURN p.title AS title ORDER BY title')).toEqual([{ title: 'A Good Paper 1' }, { title: 'A Good Paper 2' }]);
  });
});

describe('running again', () => {
  it('changes nothing and reports every paper unchanged', async () => {
    await importFixtures('paperlist', 'paperlists');
    await importFixtures('openalex', 'openalex');
    const before = await graphFingerprint(own.driver, database);
    const paperlists = await importFixtures('paperlist', 'paperlists');
    const openalex = await importFixtures('openalex', 'openalex');
    expect(paperlists.papers).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(openalex.papers).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await graphFingerprint(own.driver, database)).toEqual(before);
  });

  it('after being killed half way, ends in the same graph as one clean run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kill-'));
    const names = Array.from({ length: 300 }, (_, i) => `Person ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} Example`);
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      id: `Kill${String(i).padStart(8, '0')}`,
      title: `Paper number ${i} on killing imports`,
      status: 'Poster',
      author: [names[i % 300], names[(i * 7 + 3) % 300], names[(i * 13 + 5) % 300]].join(';'),
      aff: ['Org A', `Org ${i % 17}`, 'Org C'].join(';'),
    }));
    writeFileSync(join(folder, 'iclr2019.json'), JSON.stringify(entries));

    const cli = () =>
      spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'paperlist', folder, '--batch-size', '100', '--no-progress', '--report', join(folder, 'r.jsonl')], {
        cwd: projectRoot,
        env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: local.password, NEO4J_DATABASE: database },
        stdio: 'ignore',
      });
    const killed = cli();
    const exited = new Promise((resolve) => killed.once('exit', resolve));
    for (;;) {
      const [{ papers }] = (await rows('MATCH (p:Paper) RETURN count(p) AS papers')) as [{ papers: number }];
      if (papers >= 500) break;
      await sleep(50);
    }
    killed.kill('SIGKILL');
    await exited;
    const [{ partial }] = (await rows('MATCH (p:Paper) RETURN count(p) AS partial')) as [{ partial: number }];
    expect(partial).toBeLessThan(3000);
    expect(partial % 100).toBe(0); // whole batches only

    const rerun = cli();
    expect(await new Promise((resolve) => rerun.once('exit', resolve))).toBe(0);
    const afterKill = await graphFingerprint(own.driver, database);

    await own.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
    await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: [folder], batchSize: 100 });
    expect(afterKill).toEqual(await graphFingerprint(own.driver, database));
  }, 180_000);

  it('twice at once makes no duplicates', async () => {
    const both = () => Promise.all([importFixtures('paperlist', 'paperlists'), importFixtures('openalex', 'openalex/works-page.json')]);
    await Promise.all([both(), both()]);
    const concurrent = await graphFingerprint(own.driver, database);
    const duplicates = await rows(`MATCH (p:Paper) WITH p.titleKey AS key, count(*) AS n WHERE n > 1 RETURN key`);
    expect(duplicates).toEqual([]);
    await own.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
    await both();
    expect(concurrent).toEqual(await graphFingerprint(own.driver, database));
  }, 60_000);
});

describe('mutations', () => {
  const TOKEN = 'test-token-0123456789-0123456789-abcdef';
  const yoga = () =>
    createYogaServer({ repositories: createRepositoryFactory(graphDatabaseOn(own.driver, database)), logger: pino({ level: 'silent' }), apiTokens: [TOKEN] });
  async function mutate(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await yoga().fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  }
  const UPSERT = `mutation($input: PaperInput!) { upsertPaper(input: $input) { id title authors { id name } } }`;
  const input = { title: 'Written Through The API', year: 2024, doi: '10.9999/api', authors: [{ name: 'Api Author', orcid: '0000-0002-0000-0001' }, { name: 'Second Author' }] };

  it('without a token, or with a forged one, write nothing', async () => {
    await importFixtures('paperlist', 'paperlists');
    const before = await graphFingerprint(own.driver, database);
    const [iclr] = await rows(`MATCH (p:Paper {openreviewId: 'VNqaB1g9393'})<-[:AUTHORED]-(a) RETURN collect(a.id) AS ids`);
    const attempts: [string, Record<string, unknown>][] = [
      [UPSERT, { input }],
      ['mutation($a: AuthorInput!) { upsertAuthor(input: $a) { id } }', { a: { name: 'Nobody New' } }],
      ['mutation($w: [JSON!]!) { importWorks(works: $w) { created } }', { w: [JSON.parse(readFileSync(join(FIXTURES, 'openalex', 'later.jsonl'), 'utf8'))] }],
      ['mutation($i: ID!, $f: [ID!]!) { mergeAuthors(into: $i, from: $f) { id } }', { i: encodeGlobalID('Author', (iclr!.ids as string[])[0]!), f: [encodeGlobalID('Author', (iclr!.ids as string[])[1]!)] }],
    ];
    const credentials: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}x` }, { 'x-api-key': 'forged-forged-forged-forged-forged-forged' }];
    for (const headers of credentials) {
      for (const [query, variables] of attempts) {
        const response = await mutate(query, variables, headers);
        expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(await graphFingerprint(own.driver, database)).toEqual(before);
  });

  it('with a token, upsert, import, merge and split without losing an authorship', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const created = await mutate(UPSERT, { input }, auth);
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertPaper.authors.map((a: { name: string }) => a.name)).toEqual(['Api Author', 'Second Author']);
    const again = await mutate(UPSERT, { input: { ...input, title: 'written through the api', doi: undefined } }, auth);
    expect(again.data.upsertPaper.id).toBe(created.data.upsertPaper.id); // same paper by title, year and author

    const works = JSON.parse(readFileSync(join(FIXTURES, 'openalex', 'works-page.json'), 'utf8')).results;
    const imported = await mutate('mutation($w: [JSON!]!) { importWorks(works: $w) { created unchanged skipped rejected { index reason } papers { title } } }', { w: [...works, { title: 'broken' }] }, auth);
    expect(imported.data.importWorks).toMatchObject({ created: 2, skipped: 1, rejected: [{ index: 3, reason: expect.any(String) }] });

    const authorship = async () => (await rows('MATCH ()-[w:AUTHORED]->() RETURN count(w) AS n'))[0]!.n as number;
    const before = await authorship();
    const [turing] = await rows(`MATCH (a:Author {openalexId: 'A2'}) RETURN a.id AS id`);
    const twin = await mutate('mutation($a: AuthorInput!) { upsertAuthor(input: $a) { id } }', { a: { name: 'A. M. Turing', orcid: '0000-0009-0000-0002' } }, auth);
    await mutate(UPSERT, { input: { title: 'Computing Machinery', year: 1950, authors: [{ name: 'A. M. Turing', orcid: '0000-0009-0000-0002' }] } }, auth);
    const merged = await mutate('mutation($i: ID!, $f: [ID!]!) { mergeAuthors(into: $i, from: $f) { id name papers { totalCount } } }', {
      i: encodeGlobalID('Author', turing!.id as string), f: [twin.data.upsertAuthor.id],
    }, auth);
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeAuthors.papers.totalCount).toBe(3);
    expect(await authorship()).toBe(before + 1);
    expect(await rows(`MATCH (a:Author {orcid: '0000-0009-0000-0002'}) RETURN a.openalexId AS openalex`)).toEqual([{ openalex: 'A2' }]);

    const paperIds = (await rows(`MATCH (:Author {openalexId: 'A2'})-[:AUTHORED]->(p) WHERE p.year < 2000 RETURN p.id AS id`)).map((r) => encodeGlobalID('Paper', r.id as string));
    const split = await mutate('mutation($i: ID!, $p: [ID!]!) { splitAuthor(id: $i, papers: $p, name: "Alan M. Turing (1950)") { original { papers { totalCount } } split { name papers { totalCount } } } }', {
      i: encodeGlobalID('Author', turing!.id as string), p: paperIds,
    }, auth);
    expect(split.errors).toBeUndefined();
    expect(split.data.splitAuthor).toEqual({ original: { papers: { totalCount: 2 } }, split: { name: 'Alan M. Turing (1950)', papers: { totalCount: 1 } } });
    expect(await authorship()).toBe(before + 1);

    const conflict = await mutate('mutation($i: ID!, $f: [ID!]!) { mergeAuthors(into: $i, from: $f) { id } }', {
      i: encodeGlobalID('Author', turing!.id as string), f: [encodeGlobalID('Author', 'openalex:A1')],
    }, auth);
    expect(conflict.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await mutate('mutation($i: ID!, $f: [ID!]!) { mergeAuthors(into: $i, from: $f) { id } }', {
      i: encodeGlobalID('Author', turing!.id as string), f: [encodeGlobalID('Author', 'nobody')],
    }, auth);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('names', () => {
  let written = 0;
  const paperlist = (entries: object[]) => {
    const folder = mkdtempSync(join(tmpdir(), 'names-'));
    writeFileSync(join(folder, 'iclr2022.json'), JSON.stringify(entries.map((entry) => ({ id: `Names${String(written++).padStart(7, '0')}`, status: 'Poster', ...entry }))));
    return folder;
  };
  const authorsNamed = (pattern: string) => rows('MATCH (a:Author) WHERE a.name =~ $pattern RETURN a.name AS name', { pattern });
  const DIRTY = 'Evgenii Nikishin, Max Schwarzer, Pierluca D&#x27;Oro, Pierre-Luc Bacon, Aaron Courville*';
  const lists = [
    { title: 'The Primacy Bias in Deep Reinforcement Learning', author: DIRTY },
    { title: 'A Second Paper by Pierluca', author: "Pierluca D'Oro, Ananya Kumar" },
    { title: 'Ananya Writes Alone', author: 'Ananya Kumar*' },
  ];

  it('heals a graph an older importer built from garbled bylines when the same lists are imported again', async () => {
    written = 0;
    // The graph as the importer before name cleaning left it: the byline split at the entity's `;`
    // into two "authors", marks kept in display names, authorships with no spelling or sources.
    const writer = createImportWriter(graphDatabaseOn(own.driver, database));
    const source = { id: 'source:paperlist:iclr2022', kind: 'conference-paper-list', name: 'ICLR 2022 paper list' };
    const legacy = (i: number, title: string, names: string[]) => (checkRecord({
      source, recordId: `iclr2022.json#${i}`, title, year: 2022, venue: 'ICLR 2022', openreviewId: `Names${String(i).padStart(7, '0')}`,
      authorListComplete: true, authors: names.map((name) => ({ name })),
    }) as { record: PaperRecord }).record;
    await writer.writeBatch([
      legacy(0, lists[0]!.title, DIRTY.split(';').map((part) => part.trim())),
      legacy(1, lists[1]!.title, ["Pierluca D'Oro", 'Ananya Kumar']),
      legacy(2, lists[2]!.title, ['Ananya Kumar*']),
    ]);
    await own.driver.executeQuery(`MATCH ()-[w:AUTHORED]->() REMOVE w.name, w.sources WITH count(*) AS _
      MATCH (a:Author {nameKey: 'ananya kumar'}) SET a.name = 'Ananya Kumar*'`, {}, { database });
    expect(await authorsNamed('.*(&#|[*,]).*')).toHaveLength(3);
    const folder = paperlist(lists);

    const healed = await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: [folder] });
    expect(healed.papers).toEqual({ created: 0, updated: 2, unchanged: 1 });
    expect(await authorsNamed('.*(&#|[*,;"]).*')).toEqual([]);
    const bylines = await rows(`MATCH (p:Paper)<-[w:AUTHORED]-(a) WITH p, w, a ORDER BY w.position
      RETURN p.title AS title, collect(a.name) AS byline ORDER BY title`);
    expect(bylines).toEqual([
      { title: 'A Second Paper by Pierluca', byline: ["Pierluca D'Oro", 'Ananya Kumar'] },
      { title: 'Ananya Writes Alone', byline: ['Ananya Kumar'] },
      { title: 'The Primacy Bias in Deep Reinforcement Learning', byline: ['Evgenii Nikishin', 'Max Schwarzer', "Pierluca D'Oro", 'Pierre-Luc Bacon', 'Aaron Courville'] },
    ]);
    expect(await rows(`MATCH (a:Author) RETURN count(a) AS authors, count{ ()-[:AUTHORED]->() } AS authorships`)).toEqual([{ authors: 6, authorships: 8 }]);

    // The healed graph is the one a clean import makes, and stays so.
    const afterHealing = await graphFingerprint(own.driver, database);
    expect((await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: [folder] })).papers.unchanged).toBe(3);
    expect(await graphFingerprint(own.driver, database)).toEqual(afterHealing);
  });

  it('displays the cleanest, most common spelling, and leaves out byline entries that are not names', async () => {
    const folder = paperlist([
      { title: 'One', author: 'JANE ROE, Zhangyang "Atlas" Wang' },
      { title: 'Two', author: 'jane roe, Zhangyang Wang' },
      { title: 'Three', author: 'Jane Roe, 11537' },
      { title: 'Four', author: 'Jane  Roe†' },
    ]);
    const reportFile = join(folder, 'report.jsonl');
    const summary = await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: [folder], reportFile });
    expect(summary).toMatchObject({ namesDropped: 1, rejected: 0, papers: { created: 4 } });
    expect(readFileSync(reportFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line))).toEqual([{ record: 'iclr2022.json#2', dropped: 'author name "11537" has no letters' }]);
    expect(await rows('MATCH (a:Author) RETURN a.name AS name, count{ (a)-[:AUTHORED]->() } AS papers ORDER BY name')).toEqual([
      { name: 'Jane Roe', papers: 4 },
      { name: 'Zhangyang Wang', papers: 2 },
    ]);
  });

  it('remembers a spelling merged into an author, so a later record with it joins that author', async () => {
    await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: [paperlist([{ title: 'By Jane', author: 'Jane Doe' }, { title: 'By Jane Q.', author: 'Jane Q. Doe' }])] });
    const writes = createWrites(graphDatabaseOn(own.driver, database));
    await writes.mergeAuthors('author:jane-doe', ['author:jane-q-doe']);
    const later = paperlist([{ title: 'Later by Jane Q.', author: 'Jane Q Doe, New Person' }]);
    await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: [later] });
    expect(await rows(`MATCH (a:Author) RETURN a.id AS id, a.name AS name, [(a)-[:AUTHORED]->(p) | p.title] AS papers ORDER BY id`)).toEqual([
      { id: 'author:jane-doe', name: expect.any(String), papers: expect.arrayContaining(['By Jane', 'By Jane Q.', 'Later by Jane Q.']) },
      { id: 'author:new-person', name: 'New Person', papers: ['Later by Jane Q.'] },
    ]);
    const yoga = createYogaServer({ logger: pino({ level: 'silent' }), repositories: createRepositoryFactory(graphDatabaseOn(own.driver, database)) });
    const response = await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ author(name: "jane q. doe") { papers { totalCount } } }' }) });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ author: { papers: { totalCount: 3 } } });
  });
});

describe('the real data in ../shared/data', () => {
  const shared = sharedDataDir;
  const present = existsSync(join(shared, 'openalex-sample')) && existsSync(join(shared, 'paperlists', 'kdd', 'kdd2023.json'));
  const skip = skipWithout('the real-data import tests', present ? undefined : `${shared} is absent (set SHARED_DATA_DIR)`);

  it.skipIf(skip)('imports the OpenAlex sample and a conference list, and a second run reports all unchanged', async () => {
    const paths = { openalex: [join(shared, 'openalex-sample')], paperlist: [join(shared, 'paperlists', 'kdd', 'kdd2023.json')] };
    const first = [await runImport(graphDatabaseOn(own.driver, database), { format: 'openalex', paths: paths.openalex }), await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: paths.paperlist })];
    expect(first[0]!.papers.created).toBeGreaterThan(150);
    expect(first[1]!.papers.created).toBeGreaterThan(450);
    const second = [await runImport(graphDatabaseOn(own.driver, database), { format: 'openalex', paths: paths.openalex }), await runImport(graphDatabaseOn(own.driver, database), { format: 'paperlist', paths: paths.paperlist })];
    for (const [index, run] of second.entries()) {
      expect(run.papers).toEqual({ created: 0, updated: 0, unchanged: first[index]!.papers.created + first[index]!.papers.updated });
    }
  }, 120_000);
});
