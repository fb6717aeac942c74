import { describe, expect, it } from 'vitest';
import { ambiguousNames, bCubed, byNameOnly, hiddenInShare, misses, onNames, pairwise } from '../../eval/lib/identity-measures.js';
import { trueAuthorshipsOf } from '../../eval/lib/identity-truth.js';

describe('eval:identity measures', () => {
  // Node A holds two authorships of p1 and one of p2; node B the other of p2.
  const items = [
    { cluster: 'A', truth: 'p1', name: 'X' },
    { cluster: 'A', truth: 'p1', name: 'X' },
    { cluster: 'A', truth: 'p2', name: 'X' },
    { cluster: 'B', truth: 'p2', name: 'X' },
  ];

  it('computes B³ by hand', () => {
    // Precision: 2/3, 2/3, 1/3, 1 -> 8/3 over 4; recall: 1, 1, 1/2, 1/2 -> 3 over 4.
    const figures = bCubed(items);
    expect(figures.precision).toBeCloseTo(2 / 3, 12);
    expect(figures.recall).toBeCloseTo(3 / 4, 12);
    expect(figures.f1).toBeCloseTo(12 / 17, 12);
  });

  it('computes pairwise figures by hand', () => {
    // Pairs on one node: 3 (all in A), one person: 2 (p1's, p2's); both: 1 (p1's).
    const figures = pairwise(items);
    expect(figures.precision).toBeCloseTo(1 / 3, 12);
    expect(figures.recall).toBeCloseTo(1 / 2, 12);
    expect(figures.f1).toBeCloseTo(0.4, 12);
  });

  it('scores a perfect clustering 1 and one lumping everything together by its share of pairs', () => {
    const perfect = items.map((item) => ({ ...item, cluster: item.truth }));
    expect(bCubed(perfect)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(pairwise(perfect)).toEqual({ precision: 1, recall: 1, f1: 1 });
    const lumped = items.map((item) => ({ ...item, cluster: 'all' }));
    expect(bCubed(lumped).recall).toBe(1);
    expect(bCubed(lumped).precision).toBeCloseTo(1 / 2, 12);
    expect(pairwise(lumped).precision).toBeCloseTo(2 / 6, 12);
  });

  it('does not take a label with a separator in it for another cell', () => {
    const tricky = [{ cluster: 'a|b', truth: 'c', name: 'X' }, { cluster: 'a', truth: 'b|c', name: 'X' }];
    expect(pairwise(tricky).precision).toBe(1);
    expect(bCubed(tricky)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  // A paper list as the importer reads it: conference and year from the file name, ids aligned
  // with the byline, only profile ids (~...) counted, rejected submissions skipped.
  const paperList = [
    { title: 'One', author: 'Wei Wang; Anna Smith', authorids: '~Wei_Wang1;~Anna_Smith1', status: 'Poster' },
    { title: 'Two', author: 'wei wang; Bob Lee', authorids: '~Wei_Wang2;~Bob_Lee1', status: 'Poster' },
    { title: 'Three', author: 'Wei Wang; Anna Smith', authorids: '~Wei_Wang1;~Anna_Smith1', status: 'Oral' },
    { title: 'Four', author: 'Bob Lee; Carl Diaz', authorids: '~Bob_Lee1;carl@example.org', status: 'Poster' },
    { title: 'Five', author: 'Wei Wang; Dan Roe', authorids: '~Wei_Wang3;~Dan_Roe1', status: 'Reject' },
    { title: 'Six', author: 'A. Smith', authorids: '~Anna_Smith1', status: 'Poster' },
    { title: 'Seven', author: 'Eve Park;  ; Bob Lee', authorids: '~Eve_Park1;~Nobody1;~Bob_Lee1', status: 'Poster' },
  ];
  const truth = trueAuthorshipsOf(paperList, 'iclr2021.json');

  it('reads the true person of each id-carrying byline entry, with its record and position', () => {
    expect(truth.map(({ recordId, position, truth: id }) => `${recordId}@${position}=${id}`)).toEqual([
      'iclr2021.json#0@1=~Wei_Wang1', 'iclr2021.json#0@2=~Anna_Smith1',
      'iclr2021.json#1@1=~Wei_Wang2', 'iclr2021.json#1@2=~Bob_Lee1',
      'iclr2021.json#2@1=~Wei_Wang1', 'iclr2021.json#2@2=~Anna_Smith1',
      'iclr2021.json#3@1=~Bob_Lee1',
      'iclr2021.json#5@1=~Anna_Smith1',
      // The blank entry drops out of the byline, so Bob Lee is second, as the importer writes him.
      'iclr2021.json#6@1=~Eve_Park1', 'iclr2021.json#6@2=~Bob_Lee1',
    ]);
  });

  it('scores the name-only baseline of the fixture as computed by hand', () => {
    const baseline = byNameOnly(truth.map(({ name, truth: id }) => ({ cluster: '', truth: id, name })));
    // Name nodes: "wei wang" {WW1, WW2, WW1}, "anna smith" {AS1, AS1}, "bob lee" {BL1 ×3},
    // "a smith" {AS1}, "eve park" {EP1}. Precision: 2/3 + 2/3 + 1/3 + 7 -> 26/3 over 10;
    // recall: 3 + 2/3 + 2/3 + 1/3 + 4 -> 26/3 over 10 (Anna Smith split over two names).
    const b3 = bCubed(baseline);
    expect(b3.precision).toBeCloseTo(26 / 30, 12);
    expect(b3.recall).toBeCloseTo(26 / 30, 12);
    // Pairs on a node: 3 + 1 + 3 = 7; of one person: 1 + 3 (AS1) + 3 (BL1) = 7; both: 1 + 1 + 3 = 5.
    expect(pairwise(baseline).precision).toBeCloseTo(5 / 7, 12);
    expect(pairwise(baseline).recall).toBeCloseTo(5 / 7, 12);

    const ambiguous = ambiguousNames(baseline);
    expect(ambiguous).toEqual(new Set(['wei wang']));
    const onAmbiguous = onNames(baseline, ambiguous);
    expect(onAmbiguous).toHaveLength(3);
    expect(bCubed(onAmbiguous).precision).toBeCloseTo(5 / 9, 12);
    expect(bCubed(onAmbiguous).recall).toBe(1);
  });

  it('names the merged and split names, worst first', () => {
    const baseline = byNameOnly(truth.map(({ name, truth: id }) => ({ cluster: '', truth: id, name })));
    const found = misses(baseline);
    expect(found.merged).toEqual([{ name: 'wei wang', authorships: 3, people: 2, nodes: 1, ids: { '~Wei_Wang1': 2, '~Wei_Wang2': 1 } }]);
    expect(Object.keys(found.merged[0]!.ids)).toEqual(['~Wei_Wang1', '~Wei_Wang2']);
    expect(found.split).toEqual([
      { name: 'anna smith', authorships: 2, people: 1, nodes: 1, ids: { '~Anna_Smith1': 2 } },
      { name: 'a smith', authorships: 1, people: 1, nodes: 1, ids: { '~Anna_Smith1': 1 } },
    ]);
    // A person over two nodes of one name: both nodes counted for the name.
    const overTwo = misses([
      { cluster: 'n1', truth: 'p', name: 'Bo Li' },
      { cluster: 'n2', truth: 'p', name: 'Bo Li' },
      { cluster: 'n3', truth: 'q', name: 'Bo Li' },
    ]);
    expect(overTwo).toEqual({ merged: [], split: [{ name: 'bo li', authorships: 2, people: 1, nodes: 2, ids: { p: 2 } }] });
  });

  it('hides the same seeded share of records every run', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `nips2021.json#${i}`);
    const hidden = ids.filter((id) => hiddenInShare(id, 0.5, 1));
    expect(hidden.length).toBeGreaterThan(4_800);
    expect(hidden.length).toBeLessThan(5_200);
    expect(ids.filter((id) => hiddenInShare(id, 0.5, 1))).toEqual(hidden);
    // Another seed, another half; no share, none; all of it, all.
    expect(ids.filter((id) => hiddenInShare(id, 0.5, 2))).not.toEqual(hidden);
    expect(ids.filter((id) => hiddenInShare(id, 0, 1))).toEqual([]);
    expect(ids.filter((id) => hiddenInShare(id, 1, 1))).toEqual(ids);
  });
});
