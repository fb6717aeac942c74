import { SHAPE } from './shape.js';
import type { Random } from './random.js';
import { VENUES } from './words.js';

/**
 * Who works where and when: authors in labs of an organization each, a few of whom move once to
 * a lab of another organization.
 */

export interface Lab {
  organization: number;
  head: number;
  /** Authors whose home lab this is (a mover leaves it in `moveYear`). */
  members: number[];
  /** Movers who join it in their `moveYear`. */
  arrivals: number[];
  startYear: number;
  topics: number[];
  venues: string[];
  papers: number[];
}

export interface Person {
  lab: number;
  moveYear: number | null;
  nextLab: number;
}

export interface Population {
  labs: Lab[];
  people: Person[];
  /** The labs of each organization. */
  labsOf: Map<number, number[]>;
  /** The lab an author is at in a year. */
  labAt: (author: number, year: number) => number;
  /** A lab's authors (members and arrivals) who are there in a year. */
  activeIn: (lab: Lab, index: number, year: number) => number[];
}

export function formLabs(random: Random, authorCount: number, organizationCount: number, topicCount: number): Population {
  // Labs: a shuffled author order cut into runs, so ids say nothing about labs.
  const order = random.shuffle(Array.from({ length: authorCount }, (_, i) => i));
  const labs: Lab[] = [];
  const people: Person[] = new Array(authorCount);
  const organizationOrder = random.shuffle(Array.from({ length: organizationCount }, (_, i) => i));
  for (let start = 0; start < authorCount; ) {
    let size = random.int(SHAPE.labSize[0], SHAPE.labSize[1]);
    if (authorCount - start - size < SHAPE.labSize[0]) size = authorCount - start;
    const members = order.slice(start, start + size);
    const lab = labs.length;
    labs.push({
      // Every organization gets a lab first, then the rest are spread at random.
      organization: lab < organizationCount ? organizationOrder[lab]! : random.int(0, organizationCount - 1),
      head: members[0]!,
      members,
      arrivals: [],
      startYear: random.int(SHAPE.labStartYears[0], SHAPE.labStartYears[1]),
      topics: pickDistinct(random, topicCount, SHAPE.topicsPerLab),
      venues: pickDistinct(random, VENUES.length, 3).map((i) => VENUES[i]!),
      papers: [],
    });
    for (const author of members) people[author] = { lab, moveYear: null, nextLab: lab };
    start += size;
  }
  const labsOf = groupBy(labs.map((lab, i) => [lab.organization, i] as const));

  // Movers: once, to a lab of another organization, in a year their first lab already publishes.
  for (const [lab, { members, startYear, organization }] of labs.entries()) {
    for (const author of members.slice(1)) {
      if (!random.chance(SHAPE.moverShare) || organizationCount < 2 || startYear + 2 > SHAPE.lastMoveYear) continue;
      const target = random.int(0, labs.length - 1);
      if (labs[target]!.organization === organization) continue;
      people[author] = { lab, moveYear: random.int(startYear + 2, SHAPE.lastMoveYear), nextLab: target };
      labs[target]!.arrivals.push(author);
    }
  }
  const labAt = (author: number, year: number) => {
    const person = people[author]!;
    return person.moveYear !== null && year >= person.moveYear ? person.nextLab : person.lab;
  };
  const activeIn = (lab: Lab, index: number, year: number) =>
    [...lab.members, ...lab.arrivals].filter((author) => labAt(author, year) === index);
  return { labs, people, labsOf, labAt, activeIn };
}

function pickDistinct(random: Random, range: number, count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, range)) picked.add(random.int(0, range - 1));
  return [...picked];
}

function groupBy(pairs: readonly (readonly [number, number])[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const [key, value] of pairs) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
