import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessServer, postGraphQL, testDatabase, testDriver, type InProcessServer } from '../support/server.js';

/**
 * A paper whose byline is longer than MAX_AUTHORS_PER_PAPER makes no coauthor links (coauthors,
 * their shared papers, ego networks, paths) and says so, while the paper itself stays visible:
 * in its authors' paper lists and metrics, with its whole byline. Raising the limit links it again.
 * The paper is written beside the seed: 150 authors, Baixu Chen and Junguang Jiang among them
 * (who share 3 papers in the seed), and 148 people who wrote nothing else.
 */

const PREFIX = 'huge-bylines:';
const PAPER_ID = `${PREFIX}paper`;
const BYLINE = 150;
const BAIXU = 'author:baixu-chen';
const JUNGUANG = 'author:junguang-jiang';
const AISHWARYA = 'author:aishwarya-bandaru';
const ONLY_ON_HUGE = `${PREFIX}author-1`;
const A = (id: string) => encodeGlobalID('Author', id);

let driver: Driver;
let atDefault: InProcessServer;
let raised: InProcessServer;
/** Baixu Chen's coauthors before the huge paper was written. */
let seedCoauthors: number;

const query = async <Data>(server: InProcessServer, text: string, variables: Record<string, unknown> = {}) => {
  const response = await postGraphQL<Data>(server, text, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

const COAUTHORS = /* GraphQL */ `
  query($id: ID!) {
    author(id: $id) {
      coauthors(first: 100) { totalCount skippedPapers maxAuthorsPerPaper edges { sharedPaperCount node { id } } }
    }
  }
`;
interface Coauthors {
  author: { coauthors: { totalCount: number; skippedPapers: number; maxAuthorsPerPaper: number; edges: { sharedPaperCount: number; node: { id: string } }[] } };
}
const EGO = /* GraphQL */ `
  query($id: ID!, $depth: Int) {
    author(id: $id) {
      egoNetwork(depth: $depth, maxNodes: 500) { skippedPapers maxAuthorsPerPaper nodesTruncated nodes { id } edges { source target sharedPaperCount } }
    }
  }
`;
interface Ego {
  author: { egoNetwork: { skippedPapers: number; maxAuthorsPerPaper: number; nodesTruncated: boolean; nodes: { id: string }[]; edges: { source: string; target: string; sharedPaperCount: number }[] } };
}
const PATH = /* GraphQL */ `
  query($from: ID!, $to: ID!) {
    collaborationPath(from: $from, to: $to) { length skippedPapers maxAuthorsPerPaper authors { id } hops { paperCount papers { id } } }
  }
`;
interface Path {
  collaborationPath: { length: number; skippedPapers: number; maxAuthorsPerPaper: number; authors: { id: string }[]; hops: { paperCount: number; papers: { id: string }[] }[] } | null;
}

beforeAll(async () => {
  driver = testDriver();
  atDefault = inProcessServer();
  raised = inProcessServer({ MAX_AUTHORS_PER_PAPER: String(BYLINE) });
  seedCoauthors = (await query<Coauthors>(atDefault, COAUTHORS, { id: A(BAIXU) })).author.coauthors.totalCount;
  await driver.executeQuery(
    `CREATE (p:Paper {id: $paperId, title: 'A consortium paper', titleKey: 'a consortium paper', year: 2024, authorListComplete: true})
     WITH p
     MATCH (known:Author) WHERE known.id IN [$baixu, $junguang]
     CREATE (known)-[:AUTHORED {position: CASE known.id WHEN $baixu THEN 1 ELSE 2 END, name: known.name}]->(p)
     WITH DISTINCT p
     UNWIND range(1, $others) AS i
     CREATE (:Author {id: $prefix + 'author-' + i, name: 'Consortium Member ' + i, nameKey: 'consortium member ' + i})
            -[:AUTHORED {position: i + 2, name: 'Consortium Member ' + i}]->(p)`,
    { paperId: PAPER_ID, baixu: BAIXU, junguang: JUNGUANG, others: BYLINE - 2, prefix: PREFIX },
    { database: testDatabase() },
  );
}, 120_000);

afterAll(async () => {
  await driver?.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX }, { database: testDatabase() });
  await Promise.all([atDefault?.close(), raised?.close()]);
  await driver?.close();
});

describe('a paper with more authors than MAX_AUTHORS_PER_PAPER (100 by default)', () => {
  it('makes no coauthor link, and the coauthor list says it skipped it', async () => {
    const { coauthors } = (await query<Coauthors>(atDefault, COAUTHORS, { id: A(BAIXU) })).author;
    expect(coauthors.maxAuthorsPerPaper).toBe(100);
    expect(coauthors.skippedPapers).toBe(1);
    expect(coauthors.totalCount).toBe(seedCoauthors);
    expect(coauthors.edges.map((edge) => edge.node.id)).not.toContain(A(ONLY_ON_HUGE));
    expect(coauthors.edges.find((edge) => edge.node.id === A(JUNGUANG))?.sharedPaperCount).toBe(3);

    const member = (await query<Coauthors>(atDefault, COAUTHORS, { id: A(ONLY_ON_HUGE) })).author.coauthors;
    expect(member).toMatchObject({ totalCount: 0, skippedPapers: 1, edges: [] });
  });

  it('is not among the papers two of its authors share, but stays in their paper lists, metrics and its byline', async () => {
    const data = await query<{
      author: { papers: { totalCount: number; edges: { node: { id: string } }[] }; shared: { totalCount: number; edges: { node: { id: string } }[] }; metrics: { paperCount: number } };
      paper: { authors: { id: string }[] };
    }>(
      atDefault,
      `query($id: ID!, $with: [ID!], $paper: ID!) {
        author(id: $id) {
          papers(first: 100) { totalCount edges { node { id } } }
          shared: papers(sharedWith: $with) { totalCount edges { node { id } } }
          metrics { paperCount }
        }
        paper(id: $paper) { authors { id } }
      }`,
      { id: A(BAIXU), with: [A(JUNGUANG)], paper: encodeGlobalID('Paper', PAPER_ID) },
    );
    const huge = encodeGlobalID('Paper', PAPER_ID);
    expect(data.author.papers.edges.map((edge) => edge.node.id)).toContain(huge);
    expect(data.author.papers.totalCount).toBe(7);
    expect(data.author.metrics.paperCount).toBe(7);
    expect(data.author.shared.totalCount).toBe(3);
    expect(data.author.shared.edges.map((edge) => edge.node.id)).not.toContain(huge);
    expect(data.paper.authors).toHaveLength(BYLINE);
    expect(data.paper.authors.slice(0, 2).map((author) => author.id)).toEqual([A(BAIXU), A(JUNGUANG)]);
  });

  it('widens no ego network, which says it skipped it', async () => {
    const network = (await query<Ego>(atDefault, EGO, { id: A(BAIXU), depth: 2 })).author.egoNetwork;
    expect(network.skippedPapers).toBe(1);
    expect(network.maxAuthorsPerPaper).toBe(100);
    expect(network.nodes.map((node) => node.id)).not.toContain(A(ONLY_ON_HUGE));
    expect(network.nodes.length).toBeLessThan(BYLINE);
    const link = network.edges.find((edge) => [edge.source, edge.target].sort().join() === [A(BAIXU), A(JUNGUANG)].sort().join());
    expect(link?.sharedPaperCount).toBe(3);

    const alone = (await query<Ego>(atDefault, EGO, { id: A(ONLY_ON_HUGE), depth: 2 })).author.egoNetwork;
    expect(alone).toMatchObject({ skippedPapers: 1, edges: [] });
    expect(alone.nodes.map((node) => node.id)).toEqual([A(ONLY_ON_HUGE)]);
  });

  it('is no step of a collaboration path, which says its authors have such papers', async () => {
    expect((await query<Path>(atDefault, PATH, { from: A(ONLY_ON_HUGE), to: A(JUNGUANG) })).collaborationPath).toBeNull();
    expect((await query<Path>(atDefault, PATH, { from: A(BAIXU), to: A(ONLY_ON_HUGE) })).collaborationPath).toBeNull();

    const path = (await query<Path>(atDefault, PATH, { from: A(AISHWARYA), to: A(JUNGUANG) })).collaborationPath!;
    expect(path.authors.map((author) => author.id)).toEqual([A(AISHWARYA), A(BAIXU), A(JUNGUANG)]);
    expect(path.skippedPapers).toBe(1);
    expect(path.maxAuthorsPerPaper).toBe(100);
    expect(path.hops[1]!.paperCount).toBe(3);
    expect(path.hops[1]!.papers.map((paper) => paper.id)).not.toContain(encodeGlobalID('Paper', PAPER_ID));

    const itself = (await query<Path>(atDefault, PATH, { from: A(ONLY_ON_HUGE), to: A(ONLY_ON_HUGE) })).collaborationPath!;
    expect(itself).toMatchObject({ length: 0, skippedPapers: 1 });
  });

  it('links its authors again when the limit is raised above its byline', async () => {
    const { coauthors } = (await query<Coauthors>(raised, COAUTHORS, { id: A(BAIXU) })).author;
    expect(coauthors.maxAuthorsPerPaper).toBe(BYLINE);
    expect(coauthors.skippedPapers).toBe(0);
    // Every member is new to Baixu Chen; Junguang Jiang was a coauthor already.
    expect(coauthors.totalCount).toBe(seedCoauthors + BYLINE - 2);
    expect(coauthors.edges.find((edge) => edge.node.id === A(JUNGUANG))?.sharedPaperCount).toBe(4);

    // Depth 1: a second hop from 150 authors who all share the paper is what the limit is there to avoid.
    const network = (await query<Ego>(raised, EGO, { id: A(ONLY_ON_HUGE), depth: 1 })).author.egoNetwork;
    expect(network.skippedPapers).toBe(0);
    expect(network.nodes.map((node) => node.id)).toEqual(expect.arrayContaining([A(BAIXU), A(JUNGUANG), A(`${PREFIX}author-${BYLINE - 2}`)]));

    const path = (await query<Path>(raised, PATH, { from: A(ONLY_ON_HUGE), to: A(JUNGUANG) })).collaborationPath!;
    expect(path).toMatchObject({ length: 1, skippedPapers: 0, hops: [{ paperCount: 1, papers: [{ id: encodeGlobalID('Paper', PAPER_ID) }] }] });

    const shared = await query<{ author: { papers: { totalCount: number } } }>(
      raised,
      'query($id: ID!, $with: [ID!]) { author(id: $id) { papers(sharedWith: $with) { totalCount } } }',
      { id: A(BAIXU), with: [A(JUNGUANG)] },
    );
    expect(shared.author.papers.totalCount).toBe(4);
  });
});
