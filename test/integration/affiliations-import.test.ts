import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { runImport } from '../../src/ingest/import.js';
import { projectRoot } from '../../src/paths.js';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';
import { ownEmptyNeo4jPerTest } from '../support/own-neo4j.js';

/**
 * Paper-list affiliations as institutions and their units (src/ingest/affiliations/): joined
 * ("A, Paris, France+B, USA"), KDD's "+" for a comma, numbered lists; PART_OF; the API with
 * and without sub-units; and a re-import repairing what an older importer made of them.
 */

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'import', 'affiliations');
const own = await ownEmptyNeo4jPerTest('affiliations');
const importFixtures = () =>
  runImport(graphDatabaseOn(own.driver, own.database), { format: 'paperlist', paths: [FIXTURES], reportFile: join(mkdtempSync(join(tmpdir(), 'report-')), 'r.jsonl') });
const rows = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await own.driver.executeQuery(cypher, params, { database: own.database })).records.map((record) => record.toObject());
async function graphql(query: string) {
  const yoga = createYogaServer({ logger: pino({ level: 'silent' }), repositories: createRepositoryFactory(graphDatabaseOn(own.driver, own.database)) });
  const response = await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}
const titles = (connection: { edges: { node: { title: string } }[] }) => connection.edges.map((edge) => edge.node.title).sort();
const orgNames = (connection: { edges: { node: { name: string } }[] }) => connection.edges.map((edge) => edge.node.name).sort();

describe('affiliations', () => {
  it('makes one node per institution, units PART_OF it, nothing joined', async () => {
    await importFixtures();
    const organizations = await rows(`MATCH (o:Organization) RETURN o.name AS name, [(o)-[:PART_OF]->(i) | i.name] AS partOf, o.country AS country ORDER BY name`);
    expect(organizations).toEqual([
      { name: 'Criteo AI Lab', partOf: [], country: 'FR' },
      { name: 'Department of Computer Science', partOf: ['Stanford University'], country: null },
      { name: 'Department of Electrical Engineering and Computer Sciences', partOf: ['University of California, Berkeley'], country: null },
      { name: 'Google', partOf: [], country: null },
      { name: 'Google Research', partOf: ['Google'], country: null },
      { name: 'Stanford University', partOf: [], country: null },
      { name: 'University of California, Berkeley', partOf: [], country: 'US' },
      { name: 'University of California, Los Angeles', partOf: [], country: null },
    ]);
    // Papers and authors name the most specific unit.
    const [erin] = await rows(`MATCH (:Author {name: 'Erin Epsilon'})-[:AFFILIATED_WITH]->(o) RETURN collect(o.name) AS names`);
    expect((erin!.names as string[]).sort()).toEqual(['Criteo AI Lab', 'University of California, Berkeley']);
  }, 120_000);

  it('answers an institution\'s papers, members and collaborators with or without its sub-units', async () => {
    await importFixtures();
    const data = await graphql(`{
      stanford: organization(name: "The Stanford University") {
        name parent { name }
        subUnits { totalCount edges { node { name parent { name } } } }
        all: papers { totalCount edges { node { title } } }
        own: papers(includeSubUnits: false) { totalCount edges { node { title } } }
        members { edges { paperCount node { name } } }
        ownMembers: members(includeSubUnits: false) { edges { paperCount node { name } } }
        collaborators { edges { sharedPaperCount node { name } } }
        ownCollaborators: collaborators(includeSubUnits: false) { edges { node { name } } }
      }
      unit: organization(name: "Department of Computer Science, Stanford University") { name parent { name } papers { totalCount } collaborators { edges { node { name } } } }
      google: organization(name: "Google") { papers { totalCount } own: papers(includeSubUnits: false) { totalCount } }
    }`);
    const { stanford, unit, google } = data;
    expect(stanford.parent).toBeNull();
    expect(stanford.subUnits).toEqual({ totalCount: 1, edges: [{ node: { name: 'Department of Computer Science', parent: { name: 'Stanford University' } } }] });
    expect(titles(stanford.all)).toEqual(['Graph Paper One', 'Graph Paper Two', 'Numbered Paper Four']);
    expect(stanford.all.totalCount).toBe(3);
    expect(titles(stanford.own)).toEqual(['Graph Paper Two']);
    expect(stanford.members.edges.map((e: any) => [e.node.name, e.paperCount]).sort()).toEqual([['Alice Alpha', 2], ['Frank Phi', 1]]);
    expect(stanford.ownMembers.edges.map((e: any) => [e.node.name, e.paperCount])).toEqual([['Alice Alpha', 1]]);
    // Never its own unit; the papers of its units count.
    expect(stanford.collaborators.edges.map((e: any) => [e.node.name, e.sharedPaperCount])).toEqual([
      ['Google Research', 2], ['University of California, Berkeley', 1], ['University of California, Los Angeles', 1],
    ]);
    expect(orgNames(stanford.ownCollaborators)).toEqual(['University of California, Los Angeles']);
    expect(unit.parent).toEqual({ name: 'Stanford University' });
    expect(unit.papers.totalCount).toBe(2);
    expect(orgNames(unit.collaborators)).toEqual(['Google Research', 'University of California, Berkeley']);
    expect(google).toEqual({ papers: { totalCount: 2 }, own: { totalCount: 0 } });
  }, 120_000);

  it('a re-import replaces what an older importer made of joined affiliations and removes it', async () => {
    await importFixtures();
    // As the old importer left paper three: one node for the joined string, on the paper and the authorship.
    const joined = 'Criteo AI Lab, Paris, France+University of California, Berkeley, USA';
    await rows(`
      MATCH (p:Paper {title: 'Joined Paper Three'})<-[w:AUTHORED]-(a:Author {name: 'Erin Epsilon'}), (p)-[r:RECORDED_IN]->()
      MATCH (p)-[f:FROM_ORGANIZATION]->() DELETE f
      WITH DISTINCT p, w, a, r
      CREATE (o:Organization {id: 'org:criteo-ai-lab-paris-france-university-of-california-berkeley-usa', name: $joined, nameKey: 'criteo ai lab paris france university of california berkeley usa'})
      CREATE (p)-[:FROM_ORGANIZATION]->(o)
      SET w.organizationIds = [o.id], r.recordHash = 'written by an older importer', a:StaleSummary`, { joined });
    const summary = await importFixtures();
    expect(summary.papers.updated).toBe(1);
    expect(summary.organizationsRemoved).toBe(1);
    const [after] = await rows(`MATCH (p:Paper {title: 'Joined Paper Three'}) RETURN [(p)-[:FROM_ORGANIZATION]->(o) | o.name] AS orgs,
      [(p)<-[w:AUTHORED]-(:Author {name: 'Erin Epsilon'}) | size(w.organizationIds)][0] AS erinOrgs`);
    expect((after!.orgs as string[]).sort()).toEqual(['Criteo AI Lab', 'Department of Electrical Engineering and Computer Sciences', 'University of California, Berkeley']);
    expect(after!.erinOrgs).toBe(2);
    expect(await rows(`MATCH (o:Organization) WHERE o.name CONTAINS '+' RETURN o.name`)).toEqual([]);
    const [erin] = await rows(`MATCH (:Author {name: 'Erin Epsilon'})-[:AFFILIATED_WITH]->(o) RETURN collect(o.name) AS names`);
    expect((erin!.names as string[]).sort()).toEqual(['Criteo AI Lab', 'University of California, Berkeley']);
  }, 120_000);
});
