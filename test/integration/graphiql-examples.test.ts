import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COAUTHORS,
  COLLABORATION_PATH,
  EGO_NETWORK,
  EXAMPLE_OPERATIONS,
  ORGANIZATION_COLLABORATORS,
  SHARED_PAPERS,
  TOPIC_TREND,
  type ExampleOperation,
} from '../../src/http/example-operations.js';
import { inProcessServer, postGraphQL, type InProcessServer } from '../support/server.js';

/** GraphiQL's example tabs (src/http/example-operations.ts), run as they stand against the seed. */

let server: InProcessServer;
beforeAll(async () => {
  server = inProcessServer();
});
afterAll(() => server?.close());

async function run<Data>(operation: ExampleOperation, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await postGraphQL<Data>(server, operation.query, { ...operation.variables, ...variables });
  expect(response.errors).toBeUndefined();
  return response.data!;
}

describe("GraphiQL's example operations against the seed", () => {
  it('are one named operation each, named as listed', () => {
    for (const operation of EXAMPLE_OPERATIONS) {
      expect([...operation.query.matchAll(/^(query|mutation)\s+(\w+)/gm)].map((match) => match[2])).toEqual([operation.name]);
    }
  });

  it('SharedPapers: the three papers Baixu Chen shares with Junguang Jiang', async () => {
    const data = await run<{
      author: { name: string; papers: { totalCount: number; edges: { node: { title: string } }[] } };
      sharedWith: { name: string }[];
    }>(SHARED_PAPERS);
    expect(data.author.name).toBe('Baixu Chen');
    expect(data.sharedWith).toEqual([expect.objectContaining({ name: 'Junguang Jiang' })]);
    expect(data.author.papers.totalCount).toBe(3);
    expect(data.author.papers.edges.map((edge) => edge.node.title).sort()).toEqual([
      'Debiased Self-Training for Semi-Supervised Learning',
      'Decoupled Adaptation for Cross-Domain Object Detection',
      'ForkMerge: Mitigating Negative Transfer in Auxiliary-Task Learning',
    ]);
  });

  it('Coauthors: Junguang Jiang first with 3 shared papers, and the next page neither skips nor repeats', async () => {
    type Page = {
      author: {
        coauthors: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { sharedPaperCount: number; node: { name: string } }[];
        };
      };
    };
    const first = (await run<Page>(COAUTHORS)).author.coauthors;
    expect(first.edges[0]).toMatchObject({ sharedPaperCount: 3, node: { name: 'Junguang Jiang' } });
    expect(first.edges).toHaveLength(COAUTHORS.variables.first as number);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await run<Page>(COAUTHORS, { after: first.pageInfo.endCursor })).author.coauthors;
    const names = [...first.edges, ...second.edges].map((edge) => edge.node.name);
    expect(names).toHaveLength(first.totalCount);
    expect(new Set(names).size).toBe(first.totalCount);
  });

  it('CollaborationPath: Aishwarya Bandaru to Junguang Jiang through Baixu Chen', async () => {
    const { collaborationPath } = await run<{
      collaborationPath: { length: number; authors: { name: string }[]; hops: { paperCount: number }[] };
    }>(COLLABORATION_PATH);
    expect(collaborationPath.length).toBe(2);
    expect(collaborationPath.authors.map((author) => author.name)).toEqual(['Aishwarya Bandaru', 'Baixu Chen', 'Junguang Jiang']);
    expect(collaborationPath.hops.map((hop) => hop.paperCount)).toEqual([1, 3]);
  });

  it("EgoNetwork: Baixu Chen at the centre, his coauthors one hop out, the link to Junguang Jiang weighing 3", async () => {
    const { author } = await run<{
      author: {
        egoNetwork: {
          nodesTruncated: boolean;
          nodes: { id: string; depth: number; author: { name: string } }[];
          edges: { source: string; target: string; sharedPaperCount: number }[];
        };
      };
    }>(EGO_NETWORK);
    const { nodes, edges, nodesTruncated } = author.egoNetwork;
    expect(nodesTruncated).toBe(false);
    const byName = new Map(nodes.map((node) => [node.author.name, node]));
    expect(byName.get('Baixu Chen')?.depth).toBe(0);
    expect(byName.get('Junguang Jiang')?.depth).toBe(1);
    expect(nodes.filter((node) => node.depth === 1)).toHaveLength(9);
    const centre = byName.get('Baixu Chen')!.id;
    const junguang = byName.get('Junguang Jiang')!.id;
    const link = edges.find((edge) => [edge.source, edge.target].sort().join() === [centre, junguang].sort().join());
    expect(link?.sharedPaperCount).toBe(3);
  });

  it('OrganizationCollaborators: tencent-ai, no other organization on its 2 papers', async () => {
    const { organization } = await run<{
      organization: {
        name: string;
        collaborators: { totalCount: number; edges: unknown[] };
        papers: { totalCount: number; edges: { node: { title: string } }[] };
        members: { totalCount: number; edges: unknown[] };
      };
    }>(ORGANIZATION_COLLABORATORS);
    expect(organization.name).toBe('tencent-ai');
    expect(organization.collaborators).toEqual({ totalCount: 0, edges: [] });
    expect(organization.papers.edges.map((edge) => edge.node.title).sort()).toEqual([
      'ForkMerge: Mitigating Negative Transfer in Auxiliary-Task Learning',
      'On the Embedding Collapse when Scaling up Recommendation Models',
    ]);
    expect(organization.members.edges).toHaveLength(organization.members.totalCount);
  });

  it('TopicTrend: cs.LG papers per year, oldest first, and Baixu Chen on top', async () => {
    const { topic } = await run<{
      topic: { name: string; trend: { year: number; paperCount: number }[]; topAuthors: { edges: { paperCount: number; node: { name: string } }[] } };
    }>(TOPIC_TREND);
    expect(topic.name).toBe('Machine Learning');
    expect(topic.trend).toEqual([
      { year: 2022, paperCount: 1 },
      { year: 2023, paperCount: 2 },
      { year: 2025, paperCount: 1 },
    ]);
    expect(topic.topAuthors.edges[0]).toEqual({ paperCount: 4, node: { name: 'Baixu Chen' } });
  });
});
