import { describe, expect, it } from 'vitest';
import {
  API_MAX_NODES,
  assignColours,
  colourKey,
  createNetwork,
  DRAW_LIMITS,
  hasCommunities,
  legendText,
  mergeEgoNetwork,
  roomForExpansion,
  UNCOLOURED,
  yearSpan,
  type AnalyticsData,
  type EgoNetworkData,
} from '../../explorer/src/network.js';

/** A star: `centre` and `count` coauthors named `${prefix}1..n`, each link with its weight and years. */
function star(centre: string, prefix: string, count: number, truncated = false): EgoNetworkData {
  const author = (name: string, paperCount = 1) => ({ name, metrics: { paperCount }, affiliations: [{ organization: { id: `org-${name.length % 3}`, name: 'Org' } }] });
  return {
    nodesTruncated: truncated,
    edgesTruncated: false,
    nodes: [{ id: centre, depth: 0, author: author(centre, 10) }, ...Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, depth: 1, author: author(`${prefix}${i + 1}`) }))],
    edges: Array.from({ length: count }, (_, i) => ({ source: centre, target: `${prefix}${i + 1}`, sharedPaperCount: i + 1, firstYear: 2010 + i, lastYear: 2020 + i })),
  };
}

/**
 * An ego network whose authors carry analytics: `communities[i]` is the community number of the
 * i-th author (`${prefix}${i}`, the first one the centre), null for no analytics. Community n is
 * named by its top author "Top n"; community 0 is reported without a summary (the author alone).
 */
function withCommunities(prefix: string, communities: (number | null)[]): EgoNetworkData {
  const analytics = (n: number | null): AnalyticsData | null =>
    n === null ? null : { communityNumber: n, community: n === 0 ? null : { id: `community-${n}`, size: 100 + n, topAuthors: [{ name: `Top ${n}` }, { name: 'Second' }] } };
  const ids = communities.map((_, i) => `${prefix}${i}`);
  return {
    nodesTruncated: false,
    edgesTruncated: false,
    nodes: communities.map((n, i) => ({ id: ids[i]!, depth: i === 0 ? 0 : 1, author: { name: ids[i]!, metrics: { paperCount: 1 }, affiliations: [], analytics: analytics(n) } })),
    edges: ids.slice(1).map((id) => ({ source: ids[0]!, target: id, sharedPaperCount: 1, firstYear: null, lastYear: null })),
  };
}

describe('the explorer network', () => {
  it('colours a department or lab as its institution', () => {
    const graph = createNetwork();
    const stanford = { id: 'org-stanford', name: 'Stanford University' };
    const member = (id: string, organization: { id: string; name: string; parent?: { id: string; name: string } | null }) => ({
      id, depth: id === 'c' ? 0 : 1, author: { name: id, metrics: { paperCount: 1 }, affiliations: [{ organization }] },
    });
    mergeEgoNetwork(graph, 'c', {
      nodesTruncated: false,
      edgesTruncated: false,
      nodes: [member('c', stanford), member('cs', { id: 'org-cs', name: 'Department of Computer Science', parent: stanford }), member('g', { id: 'org-g', name: 'Google', parent: null })],
      edges: [{ source: 'c', target: 'cs', sharedPaperCount: 1, firstYear: null, lastYear: null }, { source: 'c', target: 'g', sharedPaperCount: 1, firstYear: null, lastYear: null }],
    });
    expect(colourKey(graph.getNodeAttributes('cs'), 'organization')).toBe('org-stanford');
    expect(graph.getNodeAttribute('cs', 'organizationName')).toBe('Stanford University');
    expect(colourKey(graph.getNodeAttributes('g'), 'organization')).toBe('org-g');
  });

  it('adds an expansion beside what is drawn, leaving drawn nodes where they are', () => {
    const graph = createNetwork();
    expect(mergeEgoNetwork(graph, 'c', star('c', 'a', 3))).toEqual({ addedNodes: 4, addedEdges: 3, truncated: false });
    graph.setNodeAttribute('a1', 'x', 123);
    // a1's own network: c and a1 are drawn already; b1, b2 are new.
    const second = star('a1', 'b', 2);
    second.nodes.push({ id: 'c', depth: 1, author: null });
    second.edges.push({ source: 'a1', target: 'c', sharedPaperCount: 1, firstYear: 2010, lastYear: 2020 });
    expect(mergeEgoNetwork(graph, 'a1', second)).toEqual({ addedNodes: 2, addedEdges: 2, truncated: false });
    expect(graph.getNodeAttribute('a1', 'x')).toBe(123);
    expect(graph.order).toBe(6);
    expect(graph.getNodeAttribute('a1', 'expanded')).toBe(true);
    expect(graph.getNodeAttribute('a2', 'expanded')).toBe(false);
    expect(yearSpan(graph)).toEqual([2010, 2022]);
  });

  it('sizes nodes by papers and links by shared papers', () => {
    const graph = createNetwork();
    mergeEgoNetwork(graph, 'c', star('c', 'a', 3));
    expect(graph.getNodeAttribute('c', 'size')).toBeGreaterThan(graph.getNodeAttribute('a1', 'size'));
    expect(graph.getEdgeAttribute(graph.edge('c', 'a3')!, 'size')).toBeGreaterThan(graph.getEdgeAttribute(graph.edge('c', 'a1')!, 'size'));
  });

  it('gives the commonest organizations distinct colours that stay theirs as the drawing grows', () => {
    const graph = createNetwork();
    const colours = new Map<string, string>();
    mergeEgoNetwork(graph, 'c', star('c', 'a', 12)); // c at org-1; a1..a9 at org-2; a10..a12 at org-0
    const legend = assignColours(graph, colours);
    expect(legend.map((entry) => entry.count)).toEqual([9, 3, 1]);
    expect(new Set(legend.map((entry) => entry.color)).size).toBe(3);
    expect(legend[0]).toEqual({ name: 'Org', count: 9, color: colours.get('org-2') });
    const before = new Map(colours);
    mergeEgoNetwork(graph, 'a1', star('a1', 'bbb', 20)); // 20 more, at org-1 and org-2
    assignColours(graph, colours);
    for (const [organization, colour] of before) expect(colours.get(organization)).toBe(colour);
  });

  it('says so when the server left authors out', () => {
    expect(mergeEgoNetwork(createNetwork(), 'c', star('c', 'a', 2, true)).truncated).toBe(true);
  });

  it('stops at the drawing limit, says it truncated, and never asks the API for more than its cap', () => {
    const graph = createNetwork();
    expect(roomForExpansion(graph)).toBe(API_MAX_NODES);
    const huge = star('c', 'a', DRAW_LIMITS.nodes + 50);
    const result = mergeEgoNetwork(graph, 'c', huge);
    expect(graph.order).toBe(DRAW_LIMITS.nodes);
    expect(result.truncated).toBe(true);
    // The centre of the next expansion is drawn already: room for it alone.
    expect(roomForExpansion(graph)).toBe(1);
  });

  describe('coloured by community', () => {
    it('keeps each author’s community and who names it, and keys colours by its number', () => {
      const graph = createNetwork();
      mergeEgoNetwork(graph, 'c0', withCommunities('c', [7, 7, 0, null]));
      expect(graph.getNodeAttributes('c0')).toMatchObject({ community: 7, communityName: 'Top 7' });
      // Alone in a community: named by the author.
      expect(graph.getNodeAttributes('c2')).toMatchObject({ community: 0, communityName: 'c2' });
      expect(graph.getNodeAttributes('c3')).toMatchObject({ community: null, communityName: null });
      expect(colourKey(graph.getNodeAttributes('c0'), 'community')).toBe('7');
      expect(colourKey(graph.getNodeAttributes('c3'), 'community')).toBeNull();
      expect(hasCommunities(graph)).toBe(true);
    });

    it('names each community in the legend by its top author, with the authors drawn', () => {
      const graph = createNetwork();
      mergeEgoNetwork(graph, 'c0', withCommunities('c', [1, 1, 1, 2, 2, 0, null, null]));
      const legend = assignColours(graph, new Map(), 'community');
      expect(legend.map((entry) => legendText(entry, 'community'))).toEqual(['Community of Top 1 (3 drawn)', 'Community of Top 2 (2 drawn)', 'Community of c5 (1 drawn)']);
      expect(new Set(legend.map((entry) => entry.color)).size).toBe(3);
      expect(legend.map((entry) => entry.color)).not.toContain(UNCOLOURED);
      // Organizations are named as before.
      expect(legendText({ name: 'tencent-ai', color: '#000', count: 12 }, 'organization')).toBe('tencent-ai (12)');
    });

    it('gives the commonest communities distinct colours that stay theirs as the drawing grows, and leaves the rest grey', () => {
      const graph = createNetwork();
      const colours = new Map<string, string>();
      // Communities 1..12, community n with 13 - n authors: 1 is the commonest, 11 and 12 the rarest.
      const first = Array.from({ length: 12 }, (_, n) => Array<number>(12 - n).fill(n + 1)).flat();
      mergeEgoNetwork(graph, 'a0', withCommunities('a', first));
      const legend = assignColours(graph, colours, 'community');
      expect(legend).toHaveLength(10);
      expect(legend[0]).toMatchObject({ name: 'Community of Top 1', count: 12 });
      expect(new Set(colours.values()).size).toBe(10);
      // Beyond the palette: no colour, so the renderer leaves them grey.
      expect(colours.has('11')).toBe(false);
      expect(colours.has('12')).toBe(false);
      expect(graph.getNodeAttribute('a77', 'color')).toBe(UNCOLOURED);

      // An expansion makes community 12 the commonest, and adds 13 and 14: nobody drawn before is repainted.
      const before = new Map(colours);
      mergeEgoNetwork(graph, 'a1', withCommunities('b', [1, ...Array<number>(30).fill(12), 13, 14]));
      const after = assignColours(graph, colours, 'community');
      for (const [community, colour] of before) expect(colours.get(community)).toBe(colour);
      // The palette was full: community 12, now the commonest, stays grey rather than take another's
      // colour, and the legend names only the coloured ones.
      expect(colours.has('12')).toBe(false);
      expect(after).toHaveLength(10);
      expect(after.map((entry) => entry.name)).not.toContain('Community of Top 12');
      expect(after[0]).toMatchObject({ name: 'Community of Top 1', count: 13 });
    });

    it('frees a colour when its community is no longer drawn, for the next one', () => {
      const graph = createNetwork();
      const colours = new Map<string, string>();
      mergeEgoNetwork(graph, 'a0', withCommunities('a', [1, 1, 2]));
      assignColours(graph, colours, 'community');
      const two = colours.get('2');
      graph.dropNode('a2');
      mergeEgoNetwork(graph, 'a1', withCommunities('b', [1, 3]));
      assignColours(graph, colours, 'community');
      expect(colours.has('2')).toBe(false);
      expect(colours.get('3')).toBe(two);
    });

    it('says when no author drawn has analytics', () => {
      const graph = createNetwork();
      mergeEgoNetwork(graph, 'c0', withCommunities('c', [null, null]));
      expect(hasCommunities(graph)).toBe(false);
      expect(assignColours(graph, new Map(), 'community')).toEqual([]);
      // Colouring by organization is untouched by analytics.
      mergeEgoNetwork(graph, 'c', star('c', 'a', 2));
      expect(assignColours(graph, new Map(), 'organization').length).toBeGreaterThan(0);
    });
  });
});
