import { describe, expect, it } from 'vitest';
import {
  authorsWithinLinkCap,
  checkSelector,
  MAX_SUBGRAPH_AUTHORS,
  modularity,
  parseCommunityId,
  renumberCommunities,
  type SubgraphSelector,
} from '../../src/analytics/subgraph.js';
import { BadInputError } from '../../src/errors/coded.js';
import { parseExportRequest } from '../../src/http/export.js';

/** The parts of the subgraph analytics that need no database: selector checks, caps, modularity. */

function refusal(run: () => unknown): { code: unknown; argument: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    const { code, argument } = (error as BadInputError).extensions;
    return { code, argument };
  }
  throw new Error('expected a refusal');
}

describe('the selector', () => {
  it('needs exactly one of the five selectors, naming an argument when not', () => {
    expect(refusal(() => checkSelector({}))).toEqual({ code: 'BAD_USER_INPUT', argument: 'authors' });
    expect(refusal(() => checkSelector({ egoOf: 'a', topicId: 't' }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'topic' });
    expect(refusal(() => checkSelector({ authorIds: ['a'], communityId: '1:2' }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'community' });
  });

  it('fills in the defaults', () => {
    expect(checkSelector({ egoOf: 'author:x' })).toMatchObject({ kind: 'egoOf', egoOf: 'author:x', depth: 1, minSharedPapers: 1, yearFrom: null, yearTo: null });
    expect(checkSelector({ authorIds: ['a', 'b', 'a'] }).authorIds).toEqual(['a', 'b']);
    expect(checkSelector({ communityId: '3:17' }).community).toEqual({ run: 3, community: 17 });
  });

  it('refuses out-of-range values, naming them', () => {
    const cases: [SubgraphSelector, string][] = [
      [{ egoOf: 'a', depth: 3 }, 'depth'],
      [{ egoOf: 'a', depth: 0 }, 'depth'],
      [{ topicId: 't', depth: 1 }, 'depth'],
      [{ topicId: 't', minSharedPapers: 0 }, 'minSharedPapers'],
      [{ topicId: 't', yearFrom: 99 }, 'yearFrom'],
      [{ topicId: 't', yearFrom: 2021, yearTo: 2020 }, 'yearFrom'],
      [{ authorIds: [] }, 'authors'],
      [{ authorIds: Array.from({ length: MAX_SUBGRAPH_AUTHORS + 1 }, (_, i) => `a${i}`) }, 'authors'],
      [{ communityId: '3' }, 'community'],
      [{ communityId: '3:x' }, 'community'],
    ];
    for (const [selector, argument] of cases) expect(refusal(() => checkSelector(selector)), JSON.stringify(selector).slice(0, 80)).toEqual({ code: 'BAD_USER_INPUT', argument });
  });

  it('parses a community id as run and number', () => {
    expect(parseCommunityId('12:0')).toEqual({ run: 12, community: 0 });
  });
});

describe('the link cap', () => {
  it('keeps every author when the links fit', () => {
    expect(authorsWithinLinkCap(3, [[0, 1, 1], [1, 2, 1]], 2)).toBe(3);
  });

  it('leaves out the last-ranked authors until the links among the rest fit', () => {
    // A clique of 5 in rank order: the first k authors have k(k-1)/2 links.
    const clique: [number, number, number][] = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) clique.push([i, j, 1]);
    expect(authorsWithinLinkCap(5, clique, 6)).toBe(4); // 6 links among the first 4
    expect(authorsWithinLinkCap(5, clique, 5)).toBe(3); // 3 links among the first 3; 4 would make 6
    expect(authorsWithinLinkCap(5, clique, 0)).toBe(1);
  });
});

describe('communities and modularity', () => {
  it('numbers communities by size, then by their best-ranked member', () => {
    expect(renumberCommunities([7, 3, 3, 9, 7, 3])).toEqual([1, 0, 0, 2, 1, 0]);
    expect(renumberCommunities([5, 4])).toEqual([0, 1]);
  });

  it("is Newman's weighted modularity", () => {
    // A triangle 0-1-2 (0-1 weighs 2) with a tail 2-3, and 4 alone; W = 5. Communities {0,1}, {2,3}, {4}:
    // {0,1}: inside 2, degrees 3 + 3; {2,3}: inside 1, degrees 3 + 1.
    const links: [number, number, number][] = [[0, 1, 2], [1, 2, 1], [0, 2, 1], [2, 3, 1]];
    expect(modularity(links, [0, 0, 1, 1, 2])).toBeCloseTo(2 / 5 - (6 / 10) ** 2 + 1 / 5 - (4 / 10) ** 2, 12);
    // Everything in one community: 1 - 1 = 0.
    expect(modularity(links, [0, 0, 0, 0, 0])).toBeCloseTo(0, 12);
    expect(modularity([], [0, 1])).toBeNull();
  });
});

describe('the export request', () => {
  const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
  const parse = (query: string) => parseExportRequest(new URLSearchParams(query));

  it('reads the selector from query parameters of the API’s names', () => {
    const authors = [gid('Author', 'author:a'), gid('Author', 'author:b')];
    expect(parse(`format=gexf&authors=${authors.join(',')}&yearFrom=2020&minSharedPapers=2`)).toEqual({
      format: 'gexf',
      selector: {
        authorIds: ['author:a', 'author:b'],
        egoOf: null,
        depth: null,
        organizationId: null,
        topicId: null,
        communityId: null,
        yearFrom: 2020,
        yearTo: null,
        minSharedPapers: 2,
      },
    });
    expect(parse(`format=graphml&egoOf=${gid('Author', 'author:a')}&depth=2&yearTo=`).selector).toMatchObject({ egoOf: 'author:a', depth: 2, yearTo: null });
    expect(parse(`format=csv-nodes&community=${gid('Community', '3:17')}`).selector.communityId).toBe('3:17');
  });

  it('refuses what it cannot read, naming the parameter', () => {
    const cases: [string, string][] = [
      ['egoOf=x', 'format'],
      ['format=pdf', 'format'],
      ['format=gexf&egoof=x', 'egoof'],
      [`format=gexf&egoOf=${gid('Topic', 't')}`, 'egoOf'],
      ['format=gexf&egoOf=%%%', 'egoOf'],
      [`format=gexf&community=${gid('Author', 'a')}`, 'community'],
      [`format=gexf&topic=${gid('Topic', 't')}&topic=${gid('Topic', 'u')}`, 'topic'],
      [`format=gexf&topic=${gid('Topic', 't')}&yearFrom=20x0`, 'yearFrom'],
      ['format=gexf&authors=abc', 'authors'],
    ];
    for (const [query, argument] of cases) expect(refusal(() => parse(query)), query).toEqual({ code: 'BAD_USER_INPUT', argument });
  });
});
