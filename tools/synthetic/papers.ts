import { SHAPE } from './shape.js';
import type { Lab, Population } from './labs.js';
import type { Random } from './random.js';

/** The papers of each lab, drafted: year, date, byline and topics (their facts come later). */

export interface Draft {
  lab: number;
  year: number;
  publishedOn: string;
  authors: number[];
  topics: { topic: number; score: number }[];
}

export function draftPapers(random: Random, population: Population, topicCount: number): Draft[] {
  const { labs, people, labsOf, labAt, activeIn } = population;
  const authorCount = people.length;
  const lastYear = SHAPE.years[1];
  // Papers, lab by lab.
  const drafts: Draft[] = [];
  const covered = new Uint8Array(authorCount);
  for (const [index, lab] of labs.entries()) {
    const count = Math.max(1, Math.floor(lab.members.length * SHAPE.papersPerAuthor + random.next()));
    const years = Array.from({ length: count }, () => drawYear(random, lab.startYear, lastYear)).sort((a, b) => a - b);
    const onLabPapers = new Set<number>();
    for (const [j, year] of years.entries()) {
      const active = activeIn(lab, index, year);
      const withHead = j === 0 || random.chance(SHAPE.labHeadShare);
      const others = active.filter((author) => author !== lab.head);
      const wanted = 1 + random.weighted(SHAPE.authorsPerPaper);
      // Coverage: spread the lab's authors who have no paper yet over its remaining papers.
      const uncovered = random.shuffle(others.filter((author) => !covered[author]));
      const due = Math.ceil(uncovered.length / (count - j));
      // One of the 8 places is kept for the head, or for an author linking to the lab's earlier papers.
      const chosen = new Set<number>(uncovered.slice(0, Math.min(due, 7)));
      // Without the head, a paper still shares an author with the lab's earlier papers (connectivity).
      if (!withHead && ![...chosen].some((author) => onLabPapers.has(author))) {
        const linked = others.filter((author) => onLabPapers.has(author));
        if (linked.length > 0) chosen.add(random.pick(linked));
      }
      const room = Math.min(8, Math.max(wanted, chosen.size + (withHead ? 1 : 0))) - (withHead ? 1 : 0);
      for (let tries = 0; chosen.size < room && chosen.size < others.length && tries < 50; tries++) chosen.add(random.pick(others));
      const byline = random.shuffle([...chosen]);
      if (random.chance(SHAPE.crossLabShare)) {
        for (const guest of guests(random, labs, labsOf, index, year, random.chance(0.3) ? 2 : 1, labAt, activeIn)) {
          if (byline.length + (withHead ? 1 : 0) >= 8 || byline.includes(guest) || guest === lab.head) continue;
          byline.splice(random.int(Math.min(1, byline.length), byline.length), 0, guest);
        }
      }
      if (withHead) byline.push(lab.head);
      for (const author of byline) (covered[author] = 1), onLabPapers.add(author);
      lab.papers.push(drafts.length);
      drafts.push({ lab: index, year, publishedOn: drawDate(random, year), authors: byline, topics: drawTopics(random, lab, topicCount) });
    }
  }
  // Anyone still without a paper (a mover whose stints drew none) joins one of their lab's papers.
  for (let author = 0; author < authorCount; author++) {
    if (covered[author]) continue;
    const person = people[author]!;
    const open = (lab: number) => labs[lab]!.papers.filter((p) => drafts[p]!.authors.length < 8 && labAt(author, drafts[p]!.year) === lab);
    let candidates = person.nextLab === person.lab ? open(person.lab) : [...open(person.lab), ...open(person.nextLab)];
    if (candidates.length === 0) {
      // Never published anywhere: simply never moved.
      if (person.moveYear !== null) labs[person.nextLab]!.arrivals.splice(labs[person.nextLab]!.arrivals.indexOf(author), 1);
      people[author] = { lab: person.lab, moveYear: null, nextLab: person.lab };
      candidates = open(person.lab);
    }
    if (candidates.length === 0) continue;
    drafts[random.pick(candidates)]!.authors.push(author);
    covered[author] = 1;
  }
  return drafts;
}

function drawYear(random: Random, from: number, to: number): number {
  const weights = Array.from({ length: to - from + 1 }, (_, i) => SHAPE.yearlyGrowth ** (from + i - SHAPE.years[0]));
  return from + random.weighted(weights);
}

function drawDate(random: Random, year: number): string {
  const days = year % 4 === 0 ? 366 : 365;
  return new Date(Date.UTC(year, 0, 1 + random.int(0, days - 1))).toISOString().slice(0, 10);
}

function drawTopics(random: Random, lab: Lab, topicCount: number): Draft['topics'] {
  const count = 1 + random.weighted(SHAPE.topicsPerPaper);
  const picked = [random.pick(lab.topics)];
  for (let tries = 0; picked.length < count && tries < 20; tries++) {
    const topic = random.chance(0.7) ? random.pick(lab.topics) : random.int(0, topicCount - 1);
    if (!picked.includes(topic)) picked.push(topic);
  }
  // The first topic is the main one; scores fall from there.
  let score = 0.6 + 0.4 * random.next();
  return picked.map((topic) => {
    const row = { topic, score: Math.round(score * 1000) / 1000 };
    score = 0.1 + (score - 0.1) * (0.3 + 0.6 * random.next());
    return row;
  });
}

/** Guests from another lab, active there in `year`: half the time from a lab of the same organization. */
function guests(
  random: Random,
  labs: Lab[],
  labsOf: Map<number, number[]>,
  home: number,
  year: number,
  count: number,
  labAt: (author: number, year: number) => number,
  activeIn: (lab: Lab, index: number, year: number) => number[],
): number[] {
  const picked: number[] = [];
  for (let tries = 0; picked.length < count && tries < 5 && labs.length > 1; tries++) {
    const siblings = (labsOf.get(labs[home]!.organization) ?? []).filter((lab) => lab !== home);
    const lab = siblings.length > 0 && random.chance(SHAPE.sameOrganizationGuestShare) ? random.pick(siblings) : random.int(0, labs.length - 1);
    if (lab === home) continue;
    const active = activeIn(labs[lab]!, lab, year);
    const guest = active.length > 0 ? random.pick(active) : undefined;
    if (guest !== undefined && labAt(guest, year) === lab && !picked.includes(guest)) picked.push(guest);
  }
  return picked;
}
