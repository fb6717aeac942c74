import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { testDatabase, testDriver } from '../support/server.js';
import { graphDatabaseOn } from '../../src/db/driver.js';

/** What the seed writes beyond what the first API slice shows, checked in the graph itself. */

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(() => driver?.close());

const rows = async (query: string) =>
  (await driver.executeQuery(query, { seed: SEED_SOURCE }, { database: testDatabase() })).records.map((record) => record.toObject());
/** Other tests add graphs of their own beside the seed: these questions are about the seed's. */
const SEED_SOURCE = 'source:profile-baixu-chen';

describe('the seed graph in Neo4j', () => {
  it('loading it again changes nothing', async () => {
    const before = await graphFingerprint(driver, testDatabase());
    await loadSeed(graphDatabaseOn(driver, testDatabase()));
    await loadSeed(graphDatabaseOn(driver, testDatabase()));
    expect(await graphFingerprint(driver, testDatabase())).toEqual(before);
    expect(before.nodes).toBeGreaterThan(0);
  });

  it('keeps the profile figures as values reported by that source', async () => {
    const [reported] = await rows(
      `MATCH (:Author {nameKey: 'baixu chen'})-[r:REPORTED_IN]->(s:Source)
       RETURN s.kind AS kind, r.hIndex AS hIndex, r.paperCount AS papers, r.citationCount AS citations,
              r.noveltyPercent AS novelty, r.aiScore AS aiScore`,
    );
    expect(reported).toMatchObject({ kind: 'researcher-profile' });
    expect([reported!.hIndex, reported!.papers, reported!.citations, reported!.novelty, reported!.aiScore].map(Number)).toEqual([
      79, 6, 347, 55, 43,
    ]);
  });

  it('marks every byline as incomplete ("et al.") and records the source of each paper', async () => {
    const [row] = await rows(
      `MATCH (p:Paper)-[:RECORDED_IN]->(s:Source {id: $seed})
       RETURN count(DISTINCT p) AS papers, count(DISTINCT s) AS sources,
              all(x IN collect(p.authorListComplete) WHERE x = false) AS allIncomplete`,
    );
    expect(Number(row!.papers)).toBe(6);
    expect(Number(row!.sources)).toBe(1);
    expect(row!.allIncomplete).toBe(true);
  });

  it('puts tencent-ai on the two papers the profile marks and arXiv topics on all six', async () => {
    const tencent = await rows(`MATCH (:Source {id: $seed})<-[:RECORDED_IN]-(p:Paper)-[:FROM_ORGANIZATION]->(:Organization {name: 'tencent-ai'}) RETURN p.title AS title ORDER BY title`);
    expect(tencent.map((row) => row.title)).toEqual([
      'ForkMerge: Mitigating Negative Transfer in Auxiliary-Task Learning',
      'On the Embedding Collapse when Scaling up Recommendation Models',
    ]);
    const topics = await rows(`MATCH (:Source {id: $seed})<-[:RECORDED_IN]-(p:Paper)-[:HAS_TOPIC]->(t:Topic) RETURN t.code AS code, count(p) AS papers ORDER BY code`);
    expect(topics.map((row) => [row.code, Number(row.papers)])).toEqual([
      ['cs.AI', 1],
      ['cs.CV', 1],
      ['cs.LG', 4],
    ]);
  });

  it('keeps abstracts and the code links the profile marks', async () => {
    const papers = await rows(`MATCH (:Source {id: $seed})<-[:RECORDED_IN]-(p:Paper) RETURN p.title AS title, p.codeUrl AS codeUrl, size(p.abstract) AS abstractLength`);
    expect(papers.every((paper) => Number(paper.abstractLength) > 200)).toBe(true);
    expect(papers.filter((paper) => paper.codeUrl).map((paper) => paper.codeUrl).sort()).toEqual([
      'https://github.com/thuml/Multi-Embedding',
      'https://github.com/thuml/dynamical-diffusion',
    ]);
  });
});
