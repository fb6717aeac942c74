
/**
 * The query mix of the load benchmarks (bench:load, bench:scale): what the README's clients ask,
 * weighted by how often a client would, over real ids found through the API itself.
 */

export interface MixEntry {
  name: string;
  weight: number;
  body: () => object;
}

export type Post = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export async function loadMix(post: Post) {
  // Real ids to ask about, found through the API itself: the newest papers and their authors.
  type Ids = { edges: { node: { id: string } }[] };
  const found = await post<{ papers: { edges: { node: { id: string; authors: { id: string; name: string }[] } }[] }; organizations: Ids; topics: Ids }>(`{
    papers(first: 100) { edges { node { id authors { id name } } } }
    organizations(first: 50) { edges { node { id } } }
    topics(first: 50) { edges { node { id } } }
  }`);
  const ids = (list: Ids) => list.edges.map((edge) => edge.node.id);
  const byline = new Map(found.papers.edges.flatMap((edge) => edge.node.authors.map((author) => [author.id, author.name] as const)));
  const authors = [...byline.keys()];
  const names = [...new Set(byline.values())];
  const papers = ids(found.papers);
  const organizations = ids(found.organizations);
  const topics = ids(found.topics);
  if (!authors.length || !papers.length) throw new Error('The graph has no authors or papers to ask about');

  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const pickSome = <T>(list: T[], count: number) => Array.from({ length: count }, () => pick(list));

  /** The mix: what the README's clients ask, weighted by how often a client would. */
  const MIX: MixEntry[] = [
    { name: 'author by name', weight: 4, body: () => ({ query: 'query ByName($n: String!) { author(name: $n) { id name orcid } }', variables: { n: pick(names) } }) },
    {
      name: 'author page',
      weight: 4,
      body: () => ({
        query: `query AuthorPage($id: ID!) { author(id: $id) { name metrics { paperCount citationCount hIndex papersPerYear { year } }
          affiliations { paperCount organization { name } } topics { paperCount topic { name } }
          papers(first: 10) { totalCount edges { node { title year venue authors { name } } } } } }`,
        variables: { id: pick(authors) },
      }),
    },
    {
      name: 'coauthors of coauthors',
      weight: 3,
      body: () => ({
        query: `query Network($id: ID!) { author(id: $id) { coauthors(first: 10) { totalCount edges { sharedPaperCount firstYear lastYear
          node { name coauthors(first: 5) { edges { node { name } } } } } } } }`,
        variables: { id: pick(authors) },
      }),
    },
    { name: 'shared papers', weight: 2, body: () => ({ query: 'query Shared($a: ID!, $b: [ID!]) { author(id: $a) { papers(sharedWith: $b) { totalCount edges { node { title } } } } }', variables: { a: pick(authors), b: [pick(authors)] } }) },
    { name: 'nodes', weight: 2, body: () => ({ query: 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Author { name } ... on Paper { title } } }', variables: { ids: [...pickSome(authors, 10), ...pickSome(papers, 10)] } }) },
    {
      name: 'paper',
      weight: 3,
      body: () => ({
        query: `query Paper($id: ID!) { paper(id: $id) { title abstract doi arxivId url codeUrl authors { name } organizations { name } topics { name }
          cites(first: 10) { totalCount } citedBy(first: 10) { totalCount } } }`,
        variables: { id: pick(papers) },
      }),
    },
    { name: 'search authors', weight: 2, body: () => ({ query: 'query Search($s: String!) { authors(search: $s, first: 20) { totalCount edges { node { name } } } }', variables: { s: pick(names).split(' ')[0] } }) },
    { name: 'search papers', weight: 2, body: () => ({ query: 'query Papers($s: String!) { papers(search: $s, first: 20, yearFrom: 2000) { totalCount edges { node { title year } } } }', variables: { s: pick(['learning', 'graph', 'model', 'data', 'network', 'transfer']) } }) },
    { name: 'collaboration path', weight: 1, body: () => ({ query: 'query Path($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b) { length authors { name } hops { paperCount } } }', variables: { a: pick(authors), b: pick(authors) } }) },
    { name: 'ego network', weight: 1, body: () => ({ query: 'query Ego($id: ID!) { author(id: $id) { egoNetwork(depth: 2, maxNodes: 50) { nodes { depth author { name } } edges { sharedPaperCount } } } }', variables: { id: pick(authors) } }) },
    ...(organizations.length
      ? [{ name: 'organization', weight: 1, body: () => ({ query: 'query Org($id: ID!) { organization(id: $id) { name members(first: 10) { totalCount edges { paperCount node { name } } } collaborators(first: 5) { edges { node { name } } } } }', variables: { id: pick(organizations) } }) }]
      : []),
    ...(topics.length
      ? [{ name: 'topic', weight: 1, body: () => ({ query: 'query Topic($id: ID!) { topic(id: $id) { name trend { year } topAuthors(first: 5) { edges { node { name } } } papers(first: 5) { totalCount } } }', variables: { id: pick(topics) } }) }]
      : []),
  ];
  return {
    mix: MIX,
    /** Each entry as many times as its weight: pick one at random for the next request. */
    weighted: MIX.flatMap((entry) => Array.from({ length: entry.weight }, () => entry)),
    asked: { authors: authors.length, papers: papers.length, organizations: organizations.length, topics: topics.length, note: 'ids the mix draws from: the newest 100 papers, their authors, 50 organizations and topics' },
  };
}

/** The next request body of a mix: an entry picked by weight. */
export const mixBodies = (weighted: MixEntry[]) => () => JSON.stringify(weighted[Math.floor(Math.random() * weighted.length)]!.body());
