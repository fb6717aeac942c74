import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { slug } from '../../src/domain/normalize.js';
import { runImport, type ImportOptions } from '../../src/ingest/import.js';
import { runRorImport } from '../../src/ingest/ror.js';
import { projectRoot } from '../../src/paths.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { ownEmptyNeo4jPerTest } from '../support/own-neo4j.js';

/**
 * `import ror` on the hand-written v2 fixture (test/fixtures/import/ror-v2.json), into an instance
 * of this file's own, each test from an empty graph: the registry's nodes, names and links, a
 * second run that writes nothing, and what paper imports before and after it land on.
 */

const DUMP = join(projectRoot, 'test', 'fixtures', 'import', 'ror-v2.json');
const own = await ownEmptyNeo4jPerTest('ror');
const { database } = own;
const db = () => graphDatabaseOn(own.driver, database);
const report = () => join(mkdtempSync(join(tmpdir(), 'ror-report-')), 'r.jsonl');
const importRor = () => runRorImport(db(), { paths: [DUMP], reportFile: report() });
const rows = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await own.driver.executeQuery(cypher, params, { database })).records.map((record) => record.toObject());

/** A paper-list file of its own (ICLR 2023) whose papers have one author each, with the affiliation given. */
function paperList(papers: [title: string, author: string, affiliation: string][]) {
  const folder = mkdtempSync(join(tmpdir(), 'ror-papers-'));
  writeFileSync(join(folder, 'iclr2023.json'), JSON.stringify(papers.map(([title, author, aff], index) => ({ id: `Paper${index}${title.length}`, title, status: 'Poster', author, aff }))));
  return folder;
}
const importPapers = (format: ImportOptions['format'], path: string) => runImport(db(), { format, paths: [path], reportFile: report() });

/**
 * A JSON-form document of papers with one organization each, given by name only. Shared acronyms
 * are tried this way: a paper list's affiliation "MIT" is the Massachusetts Institute of
 * Technology by the known-institutions table (src/ingest/affiliations) before any registry rule.
 */
function namedOrganizations(papers: [title: string, author: string, organization: string][]) {
  const document = join(mkdtempSync(join(tmpdir(), 'ror-json-')), 'named.json');
  const idOf = (name: string) => `org:${slug(name)}`;
  writeFileSync(document, JSON.stringify({
    source: { id: 'source:ror-named', kind: 'test', name: 'ROR named organizations' },
    organizations: [...new Set(papers.map(([, , name]) => name))].map((name) => ({ id: idOf(name), name })),
    papers: papers.map(([title, author, name], index) => ({
      id: `paper:named-${index}`, title, publishedOn: '2021-01-01', byline: [author], authorListComplete: true, organizations: [idOf(name)],
    })),
  }));
  return document;
}

/** Where each paper's organizations are: title -> organization ids. */
const paperOrganizations = async () =>
  Object.fromEntries((await rows('MATCH (p:Paper)-[:FROM_ORGANIZATION]->(o) WITH p, collect(o.id) AS ids RETURN p.title AS title, ids'))
    .map((row) => [row.title, (row.ids as string[]).sort()]));

describe('import ror', () => {
  it('writes registry organizations with their names, place, types and PART_OF, skips withdrawn ones, and writes nothing the second time', async () => {
    const first = await importRor();
    expect(first).toMatchObject({
      records: 11, skipped: 1, skippedReasons: { withdrawn: 1 }, rejected: 0,
      organizations: { created: 10, updated: 0, unchanged: 0 }, partOfCreated: 3, joined: { organizations: 0 },
    });
    const [eth] = await rows(`MATCH (o:Organization {ror: '05a28rw58'}) RETURN o.id AS id, o.name AS name, o.country AS country, o.city AS city,
      o.types AS types, o.aliases AS aliases, o.acronyms AS acronyms, o.aliasKeys AS aliasKeys, o.established AS established`);
    expect(eth).toEqual({
      id: 'ror:05a28rw58', name: 'ETH Zurich', country: 'CH', city: 'Zurich', types: ['education', 'funder'],
      aliases: ['Eidgenössische Technische Hochschule Zürich', 'Swiss Federal Institute of Technology in Zurich'], acronyms: ['ETH'],
      aliasKeys: ['eth zurich', 'eidgenossische technische hochschule zurich', 'swiss federal institute of technology zurich', 'eth'], established: 1855,
    });
    expect(await rows(`MATCH (c:Organization)-[r:PART_OF]->(p:Organization) RETURN c.name AS part, p.name AS whole, r.source AS source ORDER BY part`)).toEqual([
      { part: 'Google DeepMind (United Kingdom)', whole: 'Google (United States)', source: 'ror' },
      { part: 'University of California, Berkeley', whole: 'University of California System', source: 'ror' },
      { part: 'University of California, Los Angeles', whole: 'University of California System', source: 'ror' },
    ]);
    expect(await rows(`MATCH (o:Organization) WHERE o.ror = '03zqt1y65' OR o.name CONTAINS 'Swiss Federal' RETURN o.id AS id`)).toEqual([]);
    // The one acronym two records share leads to both.
    expect(await rows(`MATCH (:OrganizationAlias {nameKey: 'mit'})-[:ALIAS_OF]->(o) RETURN o.ror AS ror ORDER BY ror`)).toEqual([{ ror: '01kr14w07' }, { ror: '042nb2s44' }]);

    const before = await graphFingerprint(own.driver, database);
    const second = await importRor();
    expect(second).toMatchObject({ organizations: { created: 0, updated: 0, unchanged: 10 }, partOfCreated: 0, skipped: 1, joined: { organizations: 0, papers: 0 } });
    expect(await graphFingerprint(own.driver, database)).toEqual(before);
  }, 120_000);

  it('joins organizations imported before it (same ROR id; a name-only one by a unique alias) and leaves one named by a shared acronym alone', async () => {
    // An OpenAlex work from CMU (its ROR id) and a paper list naming ETH by an alias, and MIT.
    const works = mkdtempSync(join(tmpdir(), 'ror-openalex-'));
    writeFileSync(join(works, 'works.jsonl'), `${JSON.stringify({
      id: 'https://openalex.org/W900', title: 'Robots in Pittsburgh', publication_year: 2021,
      authorships: [{ author: { id: 'https://openalex.org/A900', display_name: 'Pat Robot' }, institutions: [{ id: 'https://openalex.org/I74973139', display_name: 'Carnegie Mellon University', ror: 'https://ror.org/05x2bcf33', country_code: 'US' }] }],
    })}\n`);
    await importPapers('openalex', works);
    await importPapers('paperlist', paperList([['Glaciers and Graphs', 'Anna Alpen', 'Swiss Federal Institute of Technology in Zurich']]));
    await importPapers('json', namedOrganizations([['Ambiguity of Acronyms', 'Mo Ita', 'MIT']]));
    // The paper list's spelling is ETH Zurich by the known-institutions table: its name-only node.
    const [ethMember] = await rows(`MATCH (:Author {name: 'Anna Alpen'})-[:AFFILIATED_WITH]->(o) RETURN o.id AS id`);
    expect(ethMember).toEqual({ id: 'org:eth-zurich' });

    const summary = await importRor();
    expect(summary).toMatchObject({ organizations: { created: 9, updated: 1 }, joined: { organizations: 1, papers: 1, authorsRefreshed: 1 } });
    // The OpenAlex institution (its ROR id) is the registry's CMU: updated, no second node.
    expect(await rows(`MATCH (o:Organization) WHERE o.ror = '05x2bcf33' OR o.nameKey = 'carnegie mellon university' RETURN o.id AS id, o.name AS name, o.openalexId AS openalexId, o.acronyms AS acronyms`))
      .toEqual([{ id: 'ror:05x2bcf33', name: 'Carnegie Mellon University', openalexId: 'I74973139', acronyms: ['CMU'] }]);
    // The name-only ETH moved whole: its paper, its member's affiliation (per paper and summed up), its id remembered.
    expect(await rows(`MATCH (o:Organization) WHERE o.id STARTS WITH 'org:' RETURN o.id AS id`)).toEqual([{ id: 'org:mit' }]);
    expect(await rows(`MATCH (a:Author {name: 'Anna Alpen'})-[w:AUTHORED]->(p) RETURN w.organizationIds AS ids, [(a)-[r:AFFILIATED_WITH]->(o) | [o.id, r.paperCount]] AS affiliations, a:StaleSummary AS stale`))
      .toEqual([{ ids: ['ror:05a28rw58'], affiliations: [['ror:05a28rw58', 1]], stale: false }]);
    expect(await rows(`MATCH (o:Organization {ror: '05a28rw58'}) RETURN o.mergedIds AS mergedIds`)).toEqual([{ mergedIds: ['org:eth-zurich'] }]);
    expect(await paperOrganizations()).toEqual({
      'Glaciers and Graphs': ['ror:05a28rw58'], 'Ambiguity of Acronyms': ['org:mit'], 'Robots in Pittsburgh': ['ror:05x2bcf33'],
    });

    // A second run writes nothing, joins included.
    const before = await graphFingerprint(own.driver, database);
    expect(await importRor()).toMatchObject({ organizations: { created: 0, updated: 0, unchanged: 10 }, joined: { organizations: 0 } });
    expect(await graphFingerprint(own.driver, database)).toEqual(before);
  }, 120_000);

  it('makes later paper lists and JSON documents naming a registry name, label, alias or unique acronym land on its node, and a shared acronym on none', async () => {
    await importRor();
    const papers = await importPapers('paperlist', paperList([
      ['Alpine Learning', 'Heidi Berg', 'Eidgenössische Technische Hochschule Zürich'],
      ['Short Names', 'Emil Kurz', 'ETH'],
      ['Bay Area Graphs', 'Cal Bear', 'UC Berkeley'],
      ['Parent Systems', 'Una Sys', 'University of California'],
      ['Mountain View', 'Gus Search', 'Google'],
    ]));
    expect(papers.organizations).toMatchObject({ created: 0 });
    const acronym = await importPapers('json', namedOrganizations([['Two Institutes', 'Ima Biguous', 'MIT']]));
    expect(acronym.organizations).toMatchObject({ created: 1, ambiguous: 1 });
    const document = join(mkdtempSync(join(tmpdir(), 'ror-json-')), 'montreal.json');
    writeFileSync(document, JSON.stringify({
      source: { id: 'source:ror-test', kind: 'test', name: 'ROR test' },
      organizations: [{ id: 'org:udem', name: 'University of Montreal' }, { id: 'org:manipal', name: 'Manipal Institute of Technology' }],
      papers: [
        { id: 'paper:montreal', title: 'Deep Learning in Québec', publishedOn: '2020-05-01', byline: ['Yves Nord'], authorListComplete: true, organizations: ['org:udem'] },
        { id: 'paper:manipal', title: 'Coastal Computing', publishedOn: '2020-06-01', byline: ['Ravi Kaur'], authorListComplete: true, organizations: ['org:manipal'] },
      ],
    }));
    await importPapers('json', document);

    expect(await paperOrganizations()).toEqual({
      'Alpine Learning': ['ror:05a28rw58'],
      'Short Names': ['ror:05a28rw58'],
      'Bay Area Graphs': ['ror:01an7q238'],
      'Parent Systems': ['ror:00pjdza24'],
      'Mountain View': ['ror:00njsd438'],
      // MIT is the acronym of two registry organizations: the name's own node, joined to neither.
      'Two Institutes': ['org:mit'],
      'Deep Learning in Québec': ['ror:0161xgx34'],
      'Coastal Computing': ['ror:01kr14w07'],
    });
    expect(await rows(`MATCH (:Author {name: 'Heidi Berg'})-[:AFFILIATED_WITH]->(o) RETURN o.name AS name`)).toEqual([{ name: 'ETH Zurich' }]);
    // And a later ROR run does not join it either.
    expect((await importRor()).joined.organizations).toBe(0);
    expect(await rows(`MATCH (o:Organization {id: 'org:mit'}) RETURN count(o) AS n`)).toEqual([{ n: 1 }]);
  }, 120_000);
});
