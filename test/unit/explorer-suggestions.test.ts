import { describe, expect, it } from 'vitest';
import { addLink, addNode, createNetwork } from '../../explorer/src/network.js';
import { addSuggestionPath, reasonsTitle, type PathAuthor, type SuggestionReasons } from '../../explorer/src/suggestions.js';

const person = (id: string, paperCount = 3, organization: PathAuthor['affiliations'][number]['organization'] = null): PathAuthor => ({
  id,
  name: `Name ${id}`,
  metrics: { paperCount },
  affiliations: [{ organization }],
});

const reasons = (overrides: Partial<SuggestionReasons> = {}): SuggestionReasons => ({
  commonCoauthors: [],
  commonCoauthorCount: 0,
  sharedTopics: [],
  sharedKeywords: [],
  sharedOrganizations: [],
  pathLength: null,
  recentPapers: 0,
  summary: 'summary line',
  ...overrides,
});

describe('reasonsTitle: a suggestion explains itself in its tooltip', () => {
  it('names the common coauthors (and how many more), topics, keywords, organizations, path and recent papers', () => {
    const title = reasonsTitle({
      score: 0.734,
      reasons: reasons({
        summary: '7 coauthors in common (Ann, Bo); 1 topic in common',
        commonCoauthors: [{ id: 'a', name: 'Ann' }, { id: 'b', name: 'Bo' }],
        commonCoauthorCount: 7,
        sharedTopics: [{ code: 'cs.LG', name: 'Machine Learning' }, { code: null, name: 'Robotics' }],
        sharedKeywords: ['transfer learning', 'domain adaptation'],
        sharedOrganizations: [{ id: 'o', name: 'tencent-ai' }],
        pathLength: 2,
        recentPapers: 1,
      }),
    });
    expect(title.split('\n')).toEqual([
      '7 coauthors in common (Ann, Bo); 1 topic in common',
      'Coauthors in common (7): Ann, Bo and 5 more',
      'Topics in common: cs.LG (Machine Learning), Robotics',
      'Keywords in common: transfer learning, domain adaptation',
      'Organizations in common: tencent-ai',
      '2 coauthor hops apart',
      '1 recent paper (the last two years)',
      'Score 0.73 of 1',
    ]);
  });

  it('leaves out the evidence a suggestion lacks, and says when the two are further than 2 hops', () => {
    expect(reasonsTitle({ score: 0.1, reasons: reasons({ sharedKeywords: ['graphs'], recentPapers: 4 }) }).split('\n')).toEqual([
      'summary line',
      'Keywords in common: graphs',
      'More than 2 coauthor hops apart',
      '4 recent papers (the last two years)',
      'Score 0.10 of 1',
    ]);
  });
});

describe('addSuggestionPath: a click draws the suggested person and the path to them', () => {
  /** A drawn network: the author a with coauthors b and c, linked. */
  function drawn() {
    const graph = createNetwork();
    for (const id of ['a', 'b', 'c']) addNode(graph, id, { kind: 'author', label: id, paperCount: 1, organization: null, at: { x: 0, y: 0 } });
    addLink(graph, 'a', 'b', { sharedPaperCount: 2, firstYear: 2020, lastYear: 2021 });
    addLink(graph, 'a', 'c', { sharedPaperCount: 1, firstYear: 2020, lastYear: 2020 });
    return graph;
  }

  it('adds the suggestion beside the common coauthor, links the hop, keeps the drawn link, and returns both to highlight', () => {
    const graph = drawn();
    const unit = { id: 'org:cs', name: 'Department of CS', parent: { id: 'org:uni', name: 'A University' } };
    const result = addSuggestionPath(graph, [person('a'), person('b'), person('s', 9, unit)], [2, 4]);
    expect(graph.order).toBe(4);
    expect(graph.getNodeAttributes('s')).toMatchObject({ label: 'Name s', paperCount: 9, organization: 'org:uni', organizationName: 'A University', kind: 'author' });
    expect(graph.getEdgeAttribute(graph.edge('b', 's')!, 'weight')).toBe(4);
    // The drawn link a–b stays as it was (its years too).
    expect(graph.getEdgeAttributes(graph.edge('a', 'b')!)).toMatchObject({ weight: 2, firstYear: 2020 });
    expect(result.nodes).toEqual(new Set(['a', 'b', 's']));
    expect(result.edges).toEqual(new Set([graph.edge('a', 'b'), graph.edge('b', 's')]));
  });

  it('draws a path of two (no common coauthor) without a link: the two have not written together', () => {
    const graph = drawn();
    const result = addSuggestionPath(graph, [person('a'), person('s')], [0]);
    expect(graph.hasNode('s')).toBe(true);
    expect(graph.hasEdge('a', 's')).toBe(false);
    expect(result).toEqual({ nodes: new Set(['a', 's']), edges: new Set() });
  });

  it('adds nothing twice when the suggestion is drawn already', () => {
    const graph = drawn();
    addSuggestionPath(graph, [person('a'), person('b'), person('s')], [2, 4]);
    const [order, size] = [graph.order, graph.size];
    addSuggestionPath(graph, [person('a'), person('b'), person('s')], [2, 4]);
    expect([graph.order, graph.size]).toEqual([order, size]);
  });
});
