import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { checkRecord, type PaperRecord } from '../../src/ingest/record.js';
import { createImportWriter, type ImportWriter } from '../../src/ingest/writer.js';
import { inProcessServer, postGraphQL, testDatabase, testDriver, type GraphQLResponse, type InProcessServer } from '../support/server.js';

/**
 * Look-ups by external id (`author(orcid: | openalexId:)`, `paper(doi: | openalexId: | arxivId:)`)
 * over papers and authors written through the importer's writer beside the seed, under ids of
 * this test's own (papers `xids:…`, OpenAlex ids A7210… / W7210…, names "Xids …"), removed after.
 * A merge of two authors with different OpenAlex ids (mergeAuthors) leaves the old id leading to
 * the author that stays, for the API and for a later import; so does a PaperAlias.
 */

const TOKEN = 'external-ids-test-token-0123456789abcdef0';
const SOURCE = { id: 'source:xids-test', kind: 'test', name: 'external ids test' };
const ADA = { name: 'Xids Ada Person', openalexId: 'A7210000001', orcid: '0000-0002-7210-001X' };
const WHY = { name: 'Xids Why Person', openalexId: 'A7210000002' };
const WHY_TWIN = { name: 'Xids Why P.', openalexId: 'A7210000004' };
const ZED = { name: 'Xids Zed Person', orcid: '0000-0002-7210-0003' };

let driver: Driver;
let writer: ImportWriter;
let server: InProcessServer;
let recordCount = 0;

/** A record as a parser hands it over (checkRecord fills the defaults), from the source of this test. */
const record = (fields: { title: string; authors: object[]; [field: string]: unknown }): PaperRecord => {
  const checked = checkRecord({ source: SOURCE, recordId: `xids#${recordCount++}`, year: 2021, authorListComplete: true, ...fields });
  if (!('record' in checked)) throw new Error(checked.rejected);
  return checked.record;
};

const run = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: testDatabase() })).records.map((row) => row.toObject());

const cleanUp = () =>
  run(
    `MATCH (n) WHERE n.id STARTS WITH 'xids:' OR n.id = $source OR n.openalexId STARTS WITH 'A7210' OR n.openalexId STARTS WITH 'W7210'
       OR n.orcid STARTS WITH '0000-0002-7210' OR (n:AuthorAlias AND n.nameKey STARTS WITH 'xids ')
     DETACH DELETE n`,
    { source: SOURCE.id },
  );

async function graphql<Data>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<Data>> {
  const response = await server.fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

const ok = async <Data>(query: string, variables: Record<string, unknown> = {}) => {
  const response = await graphql<Data>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

type Found = { id: string; name?: string; title?: string } | null;
const A = (id: string) => encodeGlobalID('Author', id);
const P = (id: string) => encodeGlobalID('Paper', id);

const AUTHOR = 'query($orcid: String, $openalexId: String) { author(orcid: $orcid, openalexId: $openalexId) { id name orcid openalexId } }';
const PAPER = 'query($doi: String, $openalexId: String, $arxivId: String) { paper(doi: $doi, openalexId: $openalexId, arxivId: $arxivId) { id title doi openalexId arxivId } }';

beforeAll(async () => {
  driver = testDriver();
  await cleanUp();
  writer = createImportWriter(graphDatabaseOn(driver, testDatabase()));
  server = inProcessServer({ API_TOKENS: TOKEN });
  await writer.writeBatch([
    record({ id: 'xids:paper-1', title: 'Xids first paper', doi: '10.55555/xids.one', openalexId: 'W7210000001', arxivId: '2101.72101', authors: [ADA, WHY] }),
    record({ id: 'xids:paper-2', title: 'Xids second paper', openalexId: 'W7210000002', authors: [WHY_TWIN, ZED] }),
    record({ id: 'xids:paper-3', title: 'Xids old-style arXiv paper', year: 1999, arxivId: 'hep-th/9907210', authors: [ZED] }),
  ]);
}, 60_000);

afterAll(async () => {
  await cleanUp();
  await server?.close();
  await driver?.close();
});

describe('author(orcid:) and author(openalexId:)', () => {
  it('find the author with or without the URL prefix, in any case', async () => {
    const ada = { id: A('openalex:A7210000001'), name: ADA.name, orcid: ADA.orcid, openalexId: ADA.openalexId };
    for (const orcid of [ADA.orcid, '0000-0002-7210-001x', `https://orcid.org/${ADA.orcid}`, 'orcid.org/000000027210001X']) {
      expect((await ok<{ author: Found }>(AUTHOR, { orcid })).author, orcid).toEqual(ada);
    }
    for (const openalexId of [ADA.openalexId, 'a7210000001', `https://openalex.org/${ADA.openalexId}`, `https://api.openalex.org/authors/${ADA.openalexId}`]) {
      expect((await ok<{ author: Found }>(AUTHOR, { openalexId })).author, openalexId).toEqual(ada);
    }
    expect((await ok<{ author: Found }>(AUTHOR, { orcid: ZED.orcid })).author?.name).toBe(ZED.name);
  });

  it('answer null for an id no author has', async () => {
    expect((await ok<{ author: Found }>(AUTHOR, { orcid: '0000-0002-7210-9990' })).author).toBeNull();
    expect((await ok<{ author: Found }>(AUTHOR, { openalexId: 'https://openalex.org/A7210009999' })).author).toBeNull();
  });
});

describe('paper(doi:), paper(openalexId:) and paper(arxivId:)', () => {
  it('find the paper with or without the prefix; a DOI in any case, an arXiv version dropped', async () => {
    const first = { id: P('xids:paper-1'), title: 'Xids first paper', doi: '10.55555/xids.one', openalexId: 'W7210000001', arxivId: '2101.72101' };
    const lookups: Record<string, string>[] = [
      ...['10.55555/xids.one', '10.55555/XIDS.ONE', 'https://doi.org/10.55555/Xids.One', 'doi:10.55555/xids.one', 'DOI: 10.55555/xids.one'].map((doi) => ({ doi })),
      ...['W7210000001', 'w7210000001', 'https://openalex.org/W7210000001', 'https://openalex.org/works/W7210000001'].map((openalexId) => ({ openalexId })),
      ...['2101.72101', 'arXiv:2101.72101', 'arXiv:2101.72101v3', 'https://arxiv.org/abs/2101.72101v2', 'https://arxiv.org/pdf/2101.72101v1.pdf'].map((arxivId) => ({ arxivId })),
    ];
    for (const variables of lookups) expect((await ok<{ paper: Found }>(PAPER, variables)).paper, JSON.stringify(variables)).toEqual(first);
    expect((await ok<{ paper: Found }>(PAPER, { arxivId: 'arXiv:hep-th/9907210v2' })).paper?.id).toBe(P('xids:paper-3'));
  });

  it('answer null for an id no paper has', async () => {
    for (const variables of [{ doi: '10.55555/xids.none' }, { openalexId: 'W7210009999' }, { arxivId: '2101.72109' }]) {
      expect((await ok<{ paper: Found }>(PAPER, variables)).paper).toBeNull();
    }
  });
});

describe('in one request', () => {
  it('every look-up by external id shares one statement per entity, with the nodes carried', async () => {
    const data = await ok<Record<string, Found>>(`{
      byOrcid: author(orcid: "${ADA.orcid}") { id name }
      byOpenalex: author(openalexId: "https://openalex.org/${WHY.openalexId}") { id name }
      missing: author(openalexId: "A7210009999") { id }
      byDoi: paper(doi: "https://doi.org/10.55555/xids.one") { id title }
      byWork: paper(openalexId: "W7210000002") { id title }
      byArxiv: paper(arxivId: "hep-th/9907210") { id title }
    }`);
    expect(data.byOrcid?.name).toBe(ADA.name);
    expect(data.byOpenalex?.name).toBe(WHY.name);
    expect(data.missing).toBeNull();
    expect([data.byDoi?.id, data.byWork?.id, data.byArxiv?.id]).toEqual([P('xids:paper-1'), P('xids:paper-2'), P('xids:paper-3')]);
    expect(server.requests().at(-1)?.cypherStatements).toBe(2);
  });
});

describe('bad input', () => {
  const codeAndArgument = (response: GraphQLResponse<unknown>) => ({
    code: response.errors?.[0]?.extensions?.code,
    argument: response.errors?.[0]?.extensions?.argument,
    message: response.errors?.[0]?.message,
  });

  it('a malformed id is BAD_USER_INPUT naming the argument', async () => {
    const cases: [string, string, Record<string, string>][] = [
      [AUTHOR, 'orcid', { orcid: '0000-0002-7210' }],
      [AUTHOR, 'openalexId', { openalexId: 'W7210000001' }],
      [AUTHOR, 'openalexId', { openalexId: 'https://example.org/A7210000001' }],
      [PAPER, 'doi', { doi: 'nature12373' }],
      [PAPER, 'openalexId', { openalexId: 'A7210000001' }],
      [PAPER, 'arxivId', { arxivId: 'arXiv:21.01' }],
    ];
    for (const [query, argument, variables] of cases) {
      const response = await graphql(query, variables);
      expect(response.data, JSON.stringify(variables)).toEqual(query === AUTHOR ? { author: null } : { paper: null });
      expect(codeAndArgument(response), JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', argument, message: expect.stringContaining(`\`${argument}\``) });
    }
  });

  it('none, or more than one, of the identifying arguments is BAD_USER_INPUT naming them', async () => {
    const both = await graphql('{ author(name: "Xids Ada Person", orcid: "0000-0002-7210-001X") { id } }');
    expect(codeAndArgument(both)).toEqual({
      code: 'BAD_USER_INPUT', argument: 'orcid', message: 'Give exactly one of `id`, `name`, `orcid`, `openalexId`, not `name` and `orcid`.',
    });
    const none = await graphql('{ author { id } }');
    expect(codeAndArgument(none)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Give exactly one of `id`, `name`, `orcid`, `openalexId`.' });
    const papers = await graphql(`{ paper(id: "${P('xids:paper-1')}", doi: "10.55555/xids.one", arxivId: "2101.72101") { id } }`);
    expect(codeAndArgument(papers)).toEqual({
      code: 'BAD_USER_INPUT', argument: 'doi', message: 'Give exactly one of `id`, `doi`, `openalexId`, `arxivId`, not `id` and `doi` and `arxivId`.',
    });
    expect(codeAndArgument(await graphql('{ paper { id } }'))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    // The arguments that were there before answer as they did.
    expect((await ok<{ author: Found; paper: Found }>(`{ author(name: "xids ada person") { id } paper(id: "${P('xids:paper-2')}") { id } }`))).toEqual({
      author: { id: A('openalex:A7210000001') }, paper: { id: P('xids:paper-2') },
    });
  });
});

describe('merged OpenAlex ids', () => {
  it('mergeAuthors of two authors with different OpenAlex ids keeps the old id leading to the author that stays', async () => {
    const merged = await graphql<{ mergeAuthors: { id: string; openalexId: string; papers: { totalCount: number } } }>(
      'mutation($into: ID!, $from: [ID!]!) { mergeAuthors(into: $into, from: $from) { id openalexId papers { totalCount } } }',
      { into: A('openalex:A7210000002'), from: [A('openalex:A7210000004')] },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeAuthors).toEqual({ id: A('openalex:A7210000002'), openalexId: 'A7210000002', papers: { totalCount: 2 } });
    expect(await run(`MATCH (alias:AuthorAlias {openalexId: 'A7210000004'})-[:ALIAS_OF]->(a:Author) RETURN a.id AS id`)).toEqual([{ id: 'openalex:A7210000002' }]);

    for (const openalexId of ['A7210000004', 'https://openalex.org/A7210000004']) {
      expect((await ok<{ author: Found }>(AUTHOR, { openalexId })).author).toMatchObject({ id: A('openalex:A7210000002'), openalexId: 'A7210000002' });
    }
  });

  it('a later import naming the merged author id joins the author it was merged into', async () => {
    const result = await writer.writeBatch([record({ id: 'xids:paper-4', title: 'Xids later paper', authors: [{ name: 'Xids W. Person', openalexId: 'A7210000004' }, ADA] })]);
    expect(result.authors).toMatchObject({ created: 0 });
    expect(await run(`MATCH (a:Author) WHERE a.id = 'openalex:A7210000004' OR a.openalexId = 'A7210000004' RETURN a`)).toEqual([]);
    const why = await ok<{ author: { papers: { edges: { node: { id: string } }[] } } }>(
      'query($id: String) { author(openalexId: $id) { papers { edges { node { id } } } } }',
      { id: 'A7210000004' },
    );
    expect(why.author.papers.edges.map((edge) => edge.node.id).sort()).toEqual([P('xids:paper-1'), P('xids:paper-2'), P('xids:paper-4')].sort());
  });

  it('a PaperAlias leads paper(openalexId:) and a later import naming the merged work to the paper it was merged into', async () => {
    // As the snapshot's merged_ids/works would leave it (written here by hand).
    await run(`MATCH (p:Paper {id: 'xids:paper-1'}) MERGE (:PaperAlias {openalexId: 'W7210000009'})-[:ALIAS_OF]->(p)`);
    expect((await ok<{ paper: Found }>(PAPER, { openalexId: 'https://openalex.org/W7210000009' })).paper?.id).toBe(P('xids:paper-1'));

    const later = await writer.writeBatch([record({ title: 'Xids first paper, as the merged work', openalexId: 'W7210000009', citationCount: 7, authors: [ADA] })]);
    expect(later.paperIds).toEqual(['xids:paper-1']);
    expect(later.papers).toMatchObject({ created: 0, updated: 1 });
    expect(await run(`MATCH (p:Paper) WHERE p.id = 'openalex:W7210000009' OR p.openalexId = 'W7210000009' RETURN p`)).toEqual([]);
    expect((await ok<{ paper: Found & { citationCount: number } }>('{ paper(openalexId: "W7210000001") { id citationCount } }')).paper).toEqual({ id: P('xids:paper-1'), citationCount: 7 });
  });
});
