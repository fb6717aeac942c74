import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessServer, postGraphQL, type InProcessServer } from '../support/server.js';

/** The seed profile's headline facts, asked the way a GraphiQL user would (in-process: yoga.fetch). */

let server: InProcessServer;
beforeAll(async () => {
  server = inProcessServer();
});
afterAll(() => server?.close());

interface Paper {
  title: string;
  publishedOn: string;
  year: number;
  authors: { name: string }[];
}
interface AuthorWithPapers {
  id: string;
  name: string;
  papers: { totalCount: number; edges: { node: Paper }[] };
}

const AUTHOR_PAPERS = /* GraphQL */ `
  query AuthorPapers($name: String!, $sharedWith: [ID!]) {
    author(name: $name) {
      id
      name
      papers(sharedWith: $sharedWith) {
        totalCount
        edges { node { title publishedOn year authors { name } } }
      }
    }
  }
`;

async function authorPapers(name: string, sharedWith?: string[]) {
  const response = await postGraphQL<{ author: AuthorWithPapers | null }>(server, AUTHOR_PAPERS, { name, sharedWith });
  expect(response.errors).toBeUndefined();
  return response.data!.author;
}

describe('the seed graph through the API', () => {
  it('has Baixu Chen with the six papers of the profile, newest first', async () => {
    const author = await authorPapers('Baixu Chen');
    expect(author?.name).toBe('Baixu Chen');
    expect(author?.papers.totalCount).toBe(6);
    expect(author?.papers.edges.map((edge) => [edge.node.publishedOn, edge.node.title])).toEqual([
      ['2025-06-13', 'Revealing Political Bias in LLMs through Structured Multi-Agent Debate'],
      ['2025-03-02', 'Dynamical Diffusion: Learning Temporal Dynamics with Diffusion Models'],
      ['2023-10-06', 'On the Embedding Collapse when Scaling up Recommendation Models'],
      ['2023-01-30', 'ForkMerge: Mitigating Negative Transfer in Auxiliary-Task Learning'],
      ['2022-02-15', 'Debiased Self-Training for Semi-Supervised Learning'],
      ['2021-10-06', 'Decoupled Adaptation for Cross-Domain Object Detection'],
    ]);
    expect(author?.papers.edges.map((edge) => edge.node.year)).toEqual([2025, 2025, 2023, 2023, 2022, 2021]);
  });

  it('answers which papers Baixu Chen shares with Junguang Jiang', async () => {
    const junguang = await authorPapers('Junguang Jiang');
    const shared = await authorPapers('Baixu Chen', [junguang!.id]);
    expect(shared?.papers.totalCount).toBe(3);
    expect(shared?.papers.edges.map((edge) => edge.node.title).sort()).toEqual([
      'Debiased Self-Training for Semi-Supervised Learning',
      'Decoupled Adaptation for Cross-Domain Object Detection',
      'ForkMerge: Mitigating Negative Transfer in Auxiliary-Task Learning',
    ]);
  });

  it('narrows to papers every sharedWith author wrote', async () => {
    const [junguang, ximei] = await Promise.all([authorPapers('Junguang Jiang'), authorPapers('Ximei Wang')]);
    const shared = await authorPapers('Baixu Chen', [junguang!.id, ximei!.id]);
    expect(shared?.papers.edges.map((edge) => edge.node.title)).toEqual(['Debiased Self-Training for Semi-Supervised Learning']);
  });

  it('lists authors in byline order, with Baixu Chen after the named authors where the profile cut the list', async () => {
    const author = await authorPapers('Baixu Chen');
    const byTitle = new Map(author!.papers.edges.map((edge) => [edge.node.title, edge.node.authors.map((a) => a.name)]));
    expect(byTitle.get('ForkMerge: Mitigating Negative Transfer in Auxiliary-Task Learning')).toEqual([
      'Junguang Jiang',
      'Baixu Chen',
      'Junwei Pan',
    ]);
    expect(byTitle.get('On the Embedding Collapse when Scaling up Recommendation Models')).toEqual([
      'Xingzhuo Guo',
      'Junwei Pan',
      'Ximei Wang',
      'Baixu Chen',
    ]);
  });

  it('finds authors by name ignoring case, spacing and accents, and gives null for an unknown name', async () => {
    expect((await authorPapers('  baixu   CHEN '))?.name).toBe('Baixu Chen');
    expect((await authorPapers('Báixu Chén'))?.name).toBe('Baixu Chen');
    expect(await authorPapers('Nobody Atall')).toBeNull();
  });

  it('pages through papers with cursors, without gaps or repeats', async () => {
    const query = /* GraphQL */ `
      query Page($after: String) {
        author(name: "Baixu Chen") {
          papers(first: 4, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { cursor node { title } }
          }
        }
      }
    `;
    type Page = { author: { papers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { title: string } }[] } } };
    const first = await postGraphQL<Page>(server, query);
    const second = await postGraphQL<Page>(server, query, { after: first.data!.author.papers.pageInfo.endCursor });
    expect(first.data!.author.papers.pageInfo.hasNextPage).toBe(true);
    expect(second.data!.author.papers.pageInfo.hasNextPage).toBe(false);
    const titles = [...first.data!.author.papers.edges, ...second.data!.author.papers.edges].map((edge) => edge.node.title);
    expect(titles).toHaveLength(6);
    expect(new Set(titles).size).toBe(6);
  });

  it('refuses bad paging input with BAD_USER_INPUT', async () => {
    const query = 'query($first: Int, $after: String) { author(name: "Baixu Chen") { papers(first: $first, after: $after) { totalCount } } }';
    for (const variables of [{ first: 0 }, { first: 101 }, { after: 'not-a-cursor' }]) {
      const response = await postGraphQL(server, query, variables);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('loads authors and papers again by their global ids', async () => {
    const author = await authorPapers('Junguang Jiang');
    const response = await postGraphQL<{ node: { name: string } | null; missing: unknown }>(
      server,
      'query($id: ID!, $missing: ID!) { node(id: $id) { ... on Author { name } } missing: node(id: $missing) { id } }',
      { id: author!.id, missing: Buffer.from('Author:author:nobody').toString('base64') },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ node: { name: 'Junguang Jiang' }, missing: null });
  });
});
