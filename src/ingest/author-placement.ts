import { createHash } from 'node:crypto';

/**
 * Who wrote a name-only authorship, decided from evidence, for one name at a time (a block: every
 * authorship of every author with that name key). Pure: place-authors.ts reads the blocks from
 * the graph and writes the outcome. Order-independent by construction: the outcome is a function
 * of the block's content and the name prior alone, never of which record arrived first.
 *
 * - Held authorships (an external id on the byline, or put there by an operator's merge or split)
 *   stay where they are; each author holding some is a person, and two persons never join.
 * - A loose authorship (the byline gave a name only) on a paper a person already holds under
 *   this name is that person (two sources of one byline).
 * - Stage 1, direct evidence: loose authorships join each other and a person when they share a
 *   coauthor or an institution (strongest first; a unit that would join two persons joins the first).
 * - Stage 2, the groups stage 1 leaves: the pair most likely one person is joined while that
 *   likelihood (PAIR_MODEL) is above JOIN_ABOVE; then the next.
 * - What is left apart: a group with a person is that person; of the others, the largest keeps the
 *   name's own node and each other gets a node of its own (`<name node id>~<hash>`).
 */

export interface BlockAuthorship {
  /** The author node holding it now. */
  authorId: string;
  paperId: string;
  year: number | null;
  /** Name keys of the paper's other authors (none for a huge byline). */
  coauthorKeys: string[];
  /** The institutions the byline gives this author on this paper (units rolled up). */
  organizationIds: string[];
  /** The paper's keyword and topic ids. */
  topicIds: string[];
  /** Placed by evidence (a name-only byline entry); false: held by an id or by an operator. */
  loose: boolean;
}

export interface Block {
  nameKey: string;
  /** `author:<name>`: the name's own node. */
  nameNodeId: string;
  authorships: BlockAuthorship[];
}

export type PlacementMethod = 'same-paper' | 'coauthors' | 'affiliation' | 'evidence' | 'name';

export interface Placement {
  paperId: string;
  from: string;
  to: string;
  method: PlacementMethod;
  /** coauthors/affiliation: how many in common with the person's other papers; evidence: the pair model's likelihood; else null. */
  score: number | null;
  evidence: string[];
}

/**
 * The likelihood that two groups stage 1 left apart are one person: logistic weights over
 * [1, ln(name prior + 0.01), both give affiliations (and none in common), a keyword or topic in
 * common, the years between them (up to 6, /6), ln size of each, ln number of groups]. Fitted by
 * logistic regression on the group pairs of a seeded half of the names in the paper lists with
 * every OpenReview id hidden: what `npm run eval:fit-identity` prints (eval:identity then measures
 * the graph they make).
 */
export const PAIR_MODEL = [-0.982, -1.087, -0.519, 0.996, -0.223, 0.008, -0.38] as const;
export const JOIN_ABOVE = 0.7;
/** A group joins a person only when every other person of the name is this much less likely. */
export const MARGIN = 0.2;
/** Blocks with more groups than this after stage 1 skip stage 2 (its cost grows with the cube). */
export const MAX_STAGE2_GROUPS = 60;
/** How many items an evidence list names. */
const EVIDENCE_SHOWN = 5;

/**
 * How many other people are expected to have a name: (names with its first word) x (names with
 * its last word) / PRIOR_NAMES, counted over the distinct name keys in the graph. PRIOR_NAMES is a
 * constant (about the paper lists' distinct names, where PAIR_MODEL was fitted) rather than the
 * graph's own count, so that a name's prior changes only when a name sharing one of its words
 * arrives, and re-evaluating those names keeps the outcome independent of import order.
 */
export const PRIOR_NAMES = 50_000;

export interface NameWordCounts {
  first: Map<string, number>;
  last: Map<string, number>;
}

export function namePrior(nameKey: string, counts: NameWordCounts): number {
  const words = nameKey.split(' ');
  if (words.length < 2) return 10; // a single word ("Li") could be anyone
  return ((counts.first.get(words[0]!) ?? 1) * (counts.last.get(words.at(-1)!) ?? 1)) / PRIOR_NAMES;
}

export interface Group {
  members: BlockAuthorship[];
  person: string | null;
  coauthors: Set<string>;
  organizations: Set<string>;
  topics: Set<string>;
  years: number[];
}

const intersection = <T>(a: Set<T>, b: Iterable<T>) => [...b].filter((item) => a.has(item));

function groupOf(members: BlockAuthorship[], person: string | null): Group {
  return {
    members, person,
    coauthors: new Set(members.flatMap((m) => m.coauthorKeys)),
    organizations: new Set(members.flatMap((m) => m.organizationIds)),
    topics: new Set(members.flatMap((m) => m.topicIds)),
    years: members.flatMap((m) => (m.year === null ? [] : [m.year])),
  };
}

function joined(a: Group, b: Group): Group {
  return { ...groupOf([...a.members, ...b.members], a.person ?? b.person) };
}

const minPaper = (group: Group) => group.members.reduce((min, m) => (m.paperId < min ? m.paperId : min), group.members[0]!.paperId);

/** What the pair model weighs, in PAIR_MODEL's order (eval/fit-identity-model.ts fits the weights on them). */
export function pairFeatures(a: Group, b: Group, prior: number, groups: number) {
  const topics = intersection(a.topics, b.topics);
  const gap = a.years.length && b.years.length ? Math.min(...a.years.flatMap((x) => b.years.map((y) => Math.abs(x - y)))) : 6;
  const bothAffiliated = a.organizations.size > 0 && b.organizations.size > 0;
  const features = [1, Math.log(prior + 0.01), bothAffiliated ? 1 : 0, topics.length ? 1 : 0, Math.min(gap, 6) / 6, Math.log(a.members.length) + Math.log(b.members.length), Math.log(groups)];
  return { features, topics, gap, bothAffiliated };
}

/** The pair model's likelihood that two groups are one person, and the evidence it weighed. */
export function pairLikelihood(a: Group, b: Group, prior: number, groups: number): { likelihood: number; evidence: string[] } {
  const { features, topics, gap, bothAffiliated } = pairFeatures(a, b, prior, groups);
  const z = features.reduce((sum, value, i) => sum + value * PAIR_MODEL[i]!, 0);
  const evidence = [
    `name prior: ${prior.toFixed(3)} other people expected`,
    ...(topics.length ? [`topics in common: ${topics.slice(0, EVIDENCE_SHOWN).join(', ')}`] : []),
    ...(bothAffiliated ? ['both give affiliations, none in common'] : []),
    `years apart: ${gap}`,
  ];
  return { likelihood: 1 / (1 + Math.exp(-z)), evidence };
}

/** A node id for a group of a name that the evidence sets apart from the name's own node: stable while its first paper is. */
export const splitNodeId = (nameNodeId: string, firstPaperId: string) => `${nameNodeId}~${createHash('sha256').update(firstPaperId).digest('hex').slice(0, 8)}`;

/**
 * Steps 1 and 2 (same paper, direct evidence): the groups they leave, each with the unit indexes
 * it holds, and per unit its group's root; what placeBlock's later steps start from.
 */
function directGroups(block: Block) {
  const loose = block.authorships.filter((a) => a.loose).sort((x, y) => (x.paperId < y.paperId ? -1 : x.paperId > y.paperId ? 1 : 0));
  const persons = new Map<string, BlockAuthorship[]>();
  for (const held of block.authorships.filter((a) => !a.loose)) persons.set(held.authorId, [...(persons.get(held.authorId) ?? []), held]);
  const personOfPaper = new Map<string, Set<string>>();
  for (const [person, held] of persons) for (const h of held) personOfPaper.set(h.paperId, (personOfPaper.get(h.paperId) ?? new Set()).add(person));

  // Units: each person, each loose authorship; union-find over unit indexes.
  const units: Group[] = [...[...persons].sort(([a], [b]) => (a < b ? -1 : 1)).map(([person, held]) => groupOf(held, person)), ...loose.map((a) => groupOf([a], null))];
  const parent = units.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const personOf = units.map((unit) => unit.person);
  const union = (i: number, j: number) => {
    const [ri, rj] = [root(i), root(j)];
    if (ri === rj || (personOf[ri] && personOf[rj] && personOf[ri] !== personOf[rj])) return false;
    const [keep, gone] = ri < rj ? [ri, rj] : [rj, ri];
    parent[gone] = keep;
    personOf[keep] = personOf[keep] ?? personOf[gone]!;
    return true;
  };
  const method = new Map<BlockAuthorship, { method: PlacementMethod; score: number | null; evidence: string[] }>();

  // A paper a person holds under this name: the loose entry is that person (one byline, two sources).
  const firstLoose = persons.size;
  loose.forEach((authorship, k) => {
    const holders = [...(personOfPaper.get(authorship.paperId) ?? [])];
    if (holders.length !== 1) return;
    const person = [...persons.keys()].sort().indexOf(holders[0]!);
    if (union(person, firstLoose + k)) method.set(authorship, { method: 'same-paper', score: null, evidence: [`the paper's byline names ${holders[0]} under this name`] });
  });

  // Stage 1: direct evidence, strongest first.
  const pairs: { strength: number; i: number; j: number }[] = [];
  for (let i = 0; i < units.length; i++) {
    for (let j = Math.max(i + 1, firstLoose); j < units.length; j++) {
      const [a, b] = [units[i]!, units[j]!];
      if (a.members.some((m) => m.paperId === b.members[0]!.paperId)) continue;
      const strength = intersection(a.coauthors, b.coauthors).length + intersection(a.organizations, b.organizations).length;
      if (strength) pairs.push({ strength, i, j });
    }
  }
  pairs.sort((x, y) => y.strength - x.strength || x.i - y.i || x.j - y.j);
  // A loose authorship that two persons claim equally is neither's on that evidence.
  const contested = new Set<number>();
  for (let j = firstLoose; j < units.length; j++) {
    const claims = pairs.filter((pair) => pair.j === j && pair.i < firstLoose).map((pair) => pair.strength);
    if (claims.length > 1 && claims[0] === claims[1]) contested.add(j);
  }
  for (const { i, j } of pairs) if (!(i < firstLoose && contested.has(j))) union(i, j);

  // Stage 2: the groups stage 1 left, joined while the likeliest pair is likely enough.
  const byRoot = new Map<number, number[]>();
  units.forEach((_, i) => byRoot.set(root(i), [...(byRoot.get(root(i)) ?? []), i]));
  const groups = [...byRoot.values()].map((indexes) => ({ group: indexes.map((i) => units[i]!).reduce(joined), stage1: indexes }));
  return { loose, firstLoose, root, method, groups };
}

/** The groups of a name that same papers, coauthors and institutions in common make (what the pair model is fitted on). */
export const groupsByDirectEvidence = (block: Block): Group[] => directGroups(block).groups.map(({ group }) => group);

export const placeBlock = (block: Block, prior: number): Placement[] => placeName(block, prior).placements;

/**
 * placeBlock, and whether the prior took part (the pair model ran: two or more groups were left
 * by direct evidence). Only then can a change of the prior change the outcome.
 */
export function placeName(block: Block, prior: number): { placements: Placement[]; priorUsed: boolean } {
  if (!block.authorships.some((a) => a.loose)) return { placements: [], priorUsed: false };
  const { loose, firstLoose, root, method, groups: direct } = directGroups(block);
  let groups = direct;
  const joinedBy = new Map<number, { likelihood: number; evidence: string[] }>();
  const stage1Groups = groups.length;
  if (stage1Groups > 1 && stage1Groups <= MAX_STAGE2_GROUPS) {
    for (;;) {
      const candidates: { i: number; j: number; likelihood: number; evidence: string[] }[] = [];
      for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          const [a, b] = [groups[i]!.group, groups[j]!.group];
          if (a.person && b.person) continue;
          const pair = pairLikelihood(a, b, prior, stage1Groups);
          if (pair.likelihood > JOIN_ABOVE) candidates.push({ i, j, ...pair });
        }
      }
      candidates.sort((x, y) => y.likelihood - x.likelihood || x.i - y.i || x.j - y.j);
      // Clearly the strongest: a group joins a person only if no other person comes within MARGIN.
      const loneOf = (c: (typeof candidates)[number]) => (groups[c.i]!.group.person ? c.j : groups[c.j]!.group.person ? c.i : null);
      const best = candidates.find((c) => {
        const lone = loneOf(c);
        return lone === null || !candidates.some((other) => other !== c && loneOf(other) === lone && (other.i === lone ? other.j : other.i) !== (c.i === lone ? c.j : c.i)
          && groups[other.i === lone ? other.j : other.i]!.group.person && other.likelihood >= c.likelihood - MARGIN);
      });
      if (!best) break;
      const [a, b] = [groups[best.i]!, groups[best.j]!];
      for (const index of [...a.stage1, ...b.stage1]) if (!joinedBy.has(root(index))) joinedBy.set(root(index), best);
      groups = [...groups.filter((_, k) => k !== best.i && k !== best.j), { group: joined(a.group, b.group), stage1: [...a.stage1, ...b.stage1] }];
    }
  }

  // Where each group goes, and why each loose authorship is there.
  const nameNodeHeld = block.authorships.some((a) => !a.loose && a.authorId === block.nameNodeId);
  const apart = groups.filter(({ group }) => !group.person).sort((x, y) => y.group.members.length - x.group.members.length || (minPaper(x.group) < minPaper(y.group) ? -1 : 1));
  const target = new Map<(typeof groups)[number], string>();
  for (const entry of groups) if (entry.group.person) target.set(entry, entry.group.person);
  apart.forEach((entry, k) => target.set(entry, k === 0 && !nameNodeHeld ? block.nameNodeId : splitNodeId(block.nameNodeId, minPaper(entry.group))));

  const placements: Placement[] = [];
  for (const entry of groups) {
    const to = target.get(entry)!;
    const members = entry.group.members;
    for (const authorship of members.filter((m) => m.loose)) {
      const others = members.filter((m) => m.paperId !== authorship.paperId);
      const coauthors = intersection(new Set(others.flatMap((m) => m.coauthorKeys)), authorship.coauthorKeys);
      const organizations = intersection(new Set(others.flatMap((m) => m.organizationIds)), authorship.organizationIds);
      const stage1Root = root(firstLoose + loose.indexOf(authorship));
      const why = method.get(authorship)
        ?? (coauthors.length ? { method: 'coauthors' as const, score: coauthors.length + organizations.length, evidence: [...coauthors.slice(0, EVIDENCE_SHOWN).map((c) => `coauthor: ${c}`), ...organizations.slice(0, EVIDENCE_SHOWN).map((o) => `organization: ${o}`)] }
          : organizations.length ? { method: 'affiliation' as const, score: organizations.length, evidence: organizations.slice(0, EVIDENCE_SHOWN).map((o) => `organization: ${o}`) }
            : joinedBy.has(stage1Root) ? { method: 'evidence' as const, score: Math.round(joinedBy.get(stage1Root)!.likelihood * 1000) / 1000, evidence: joinedBy.get(stage1Root)!.evidence }
              : { method: 'name' as const, score: null, evidence: [] });
      placements.push({ paperId: authorship.paperId, from: authorship.authorId, to, ...why });
    }
  }
  return {
    placements: placements.sort((x, y) => (x.paperId < y.paperId ? -1 : x.paperId > y.paperId ? 1 : 0)),
    priorUsed: stage1Groups > 1 && stage1Groups <= MAX_STAGE2_GROUPS,
  };
}
