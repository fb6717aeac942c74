import { normalizeKey, slug } from '../domain/normalize.js';

/**
 * A deterministic synthetic scholarly graph, for integration tests and benchmarks. Pure: the
 * same options give the same rows, byte for byte, on any machine (one seeded PRNG, no clock).
 *
 * Authors work in labs of 15-30 that mostly write together (a lab head on most papers, last in
 * the byline), so coauthor networks cluster; a few papers bring in authors of other labs, which
 * joins the labs into one mostly connected graph with multi-hop paths. A lab belongs to one
 * organization; some authors move to a lab of another organization once, so they have two
 * affiliations over time. Every id starts with `${prefix}:` (the source: `source:synthetic-<prefix>`),
 * so several generated graphs and the seed can share a database.
 */

/** The shape of the graph. Exported so tests and reports can refer to it. */
export const SHAPE = {
  labSize: [15, 30],
  papersPerAuthor: 0.6,
  /** Weights of 1..8 authors per paper (mean 3.9; about 4.2 after every lab member gets a paper). */
  authorsPerPaper: [0.08, 0.16, 0.21, 0.2, 0.15, 0.1, 0.06, 0.04],
  /** Share of a lab's papers that carry its head (the lab's first paper always does). */
  labHeadShare: 0.75,
  /** Share of papers with 1 (70%) or 2 (30%) authors from another lab. */
  crossLabShare: 0.1,
  /** Of those guest labs, the share taken from the same organization when it has another lab. */
  sameOrganizationGuestShare: 0.5,
  /** Share of authors (not lab heads) who move once to a lab of another organization, by this year. */
  moverShare: 0.08,
  lastMoveYear: 2023,
  /** Share of authors who get the name of another author (of another lab). */
  duplicateNameShare: 0.01,
  authorsPerOrganization: 40,
  topicsPerLab: 3,
  /** Weights of 1..3 topics per paper. */
  topicsPerPaper: [0.35, 0.4, 0.25],
  /** Weights of 0..10 citations per paper (fewer when fewer older papers exist). */
  citesPerPaper: [0.08, 0.08, 0.1, 0.12, 0.12, 0.11, 0.1, 0.09, 0.08, 0.06, 0.06],
  years: [2000, 2025],
  /** Papers per year grow by this factor a year; a lab publishes from its start year on. */
  yearlyGrowth: 1.07,
  labStartYears: [2000, 2015],
  arxivShare: 0.45,
  codeShare: 0.35,
} as const;

export interface GenerateOptions {
  authors: number;
  prefix?: string;
  seed?: number;
}

export interface SyntheticSource { id: string; kind: string; name: string }
export interface SyntheticTopic { id: string; code: string; name: string; scheme: string }
export interface SyntheticOrganization { id: string; name: string; nameKey: string; ror: string; country: string }
export interface SyntheticAuthor {
  id: string;
  name: string;
  nameKey: string;
  /**
   * The planted community: the number (1-based, as in a paper's codeUrl `lab-N`) of the lab the
   * author wrote most papers in, counting each paper for the lab the author was at that year (a
   * guest on another lab's paper counts it for his own lab). Only movers can have two; a tie goes
   * to the lab moved to. Not written to the graph (cypher/write/synthetic-authors.cypher sets only
   * the name): it is the truth that community detection is checked against.
   */
  lab: number;
}
export interface SyntheticPaper {
  id: string;
  title: string;
  titleKey: string;
  year: number;
  /** ISO date, YYYY-MM-DD. */
  publishedOn: string;
  venue: string;
  abstract: string;
  doi: string;
  arxivId: string | null;
  url: string;
  codeUrl: string | null;
  /** In-graph citations plus citations from outside the graph: never fewer than the CITES in. */
  citationCount: number;
  authorListComplete: boolean;
}
export interface SyntheticAuthored {
  authorId: string;
  paperId: string;
  /** 1-based byline position. */
  position: number;
  /** The author's organization that year. Not written: the graph keeps it as FROM_ORGANIZATION. */
  organizationId: string;
}
export interface SyntheticAffiliation { authorId: string; organizationId: string; firstYear: number; lastYear: number; paperCount: number }
export interface SyntheticFromOrganization { paperId: string; organizationId: string }
export interface SyntheticHasTopic { paperId: string; topicId: string; score: number }
export interface SyntheticCites { citingId: string; citedId: string }

export interface SyntheticGraph {
  source: SyntheticSource;
  topics: SyntheticTopic[];
  organizations: SyntheticOrganization[];
  authors: SyntheticAuthor[];
  papers: SyntheticPaper[];
  authored: SyntheticAuthored[];
  /**
   * Per author and organization (s)he worked at: the papers (s)he wrote that carry
   * FROM_ORGANIZATION to it, counted, with their first and last year. Exactly what the graph
   * gives back for `(a)-[:AUTHORED]->(p)-[:FROM_ORGANIZATION]->(o)` with `(a)-[:AFFILIATED_WITH]->(o)`.
   */
  affiliatedWith: SyntheticAffiliation[];
  fromOrganization: SyntheticFromOrganization[];
  hasTopic: SyntheticHasTopic[];
  cites: SyntheticCites[];
}

/** mulberry32: a tiny, fast 32-bit PRNG, good enough for test data and identical everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** An index drawn with the given (not necessarily normalized) weights. */
  weighted(weights: readonly number[]): number {
    let rest = this.next() * weights.reduce((sum, w) => sum + w, 0);
    for (let i = 0; i < weights.length; i++) {
      rest -= weights[i]!;
      if (rest < 0) return i;
    }
    return weights.length - 1;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

// Word lists. Names include accents (and a few forms that fold to the same key) on purpose.
const FIRST_NAMES = [
  'Ada', 'Aiko', 'Alejandro', 'Amara', 'Ana', 'Anders', 'Andrés', 'Anja', 'Arjun', 'Aylin', 'Baixu', 'Beatriz',
  'Benoît', 'Björn', 'Camille', 'Carlos', 'Chen', 'Chloé', 'Chidi', 'Daniel', 'Dário', 'David', 'Deepika', 'Elena',
  'Elif', 'Émile', 'Emma', 'Fatima', 'Felipe', 'François', 'Gabriel', 'Giulia', 'Hana', 'Hannah', 'Hao', 'Helga',
  'Hiroshi', 'Ian', 'Inès', 'Ingrid', 'Ioana', 'Isabel', 'Ivan', 'Jakub', 'James', 'Jia', 'Jiří', 'João',
  'Jonas', 'José', 'Julia', 'Jürgen', 'Kaito', 'Katalin', 'Kenji', 'Kofi', 'Lars', 'Laura', 'Lei', 'Léa',
  'Li', 'Lina', 'Łukasz', 'Maria', 'María', 'Mateo', 'Matteo', 'Mei', 'Mehmet', 'Mia', 'Mikael', 'Ming',
  'Mohammed', 'Nadia', 'Naoki', 'Nikolai', 'Nina', 'Noah', 'Olga', 'Omar', 'Oscar', 'Paula', 'Pedro', 'Pieter',
  'Priya', 'Qing', 'Rafael', 'Rahul', 'Ravi', 'Renée', 'Rui', 'Saanvi', 'Sara', 'Sebastián', 'Seo-yeon', 'Shreya',
  'Siobhán', 'Sofia', 'Søren', 'Stefan', 'Sven', 'Takumi', 'Tariq', 'Thomas', 'Tomás', 'Valentina', 'Vikram', 'Wei',
  'Xavier', 'Xin', 'Yan', 'Yara', 'Yuki', 'Yusuf', 'Zainab', 'Zhang', 'Zoë', 'Zoltán',
];
const LAST_NAMES = [
  'Abe', 'Adeyemi', 'Almeida', 'Andersen', 'Bauer', 'Becker', 'Bergström', 'Bianchi', 'Brown', 'Byrne', 'Çelik', 'Chen',
  'Cohen', 'Costa', 'Dąbrowski', 'Dang', 'Davies', 'Demir', 'Dubois', 'Dvořák', 'Eriksson', 'Esposito', 'Fernández', 'Fischer',
  'Fontaine', 'García', 'Gómez', 'Gonçalves', 'Gupta', 'Hansen', 'Hernández', 'Horváth', 'Huang', 'Ivanov', 'Jansen', 'Jiang',
  'Johansson', 'Jones', 'Kaya', 'Khan', 'Kim', 'Kobayashi', 'Kovačević', 'Kowalski', 'Kumar', 'Lambert', 'Larsen', 'Lefèvre',
  'Lehmann', 'Li', 'Lin', 'Liu', 'López', 'Lund', 'Ma', 'Martin', 'Martínez', 'Meier', 'Mendes', 'Moreau',
  'Müller', 'Murphy', 'Nakamura', 'Nguyễn', 'Nielsen', 'Novák', 'Núñez', "O'Brien", 'Ó Briain', 'Okafor', 'Olsen', 'Østergaard',
  'Özdemir', 'Pan', 'Papadopoulos', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quispe', 'Rahman', 'Ramírez', 'Reddy',
  'Ribeiro', 'Rossi', 'Russo', 'Saito', 'Sánchez', 'Santos', 'Šimić', 'Singh', 'Smith', 'Söderström', 'Sørensen', 'Suzuki',
  'Szabó', 'Tanaka', 'Taylor', 'Tran', 'Van Dijk', 'Varga', 'Vogel', 'Wagner', 'Wang', 'Watanabe', 'Weber', 'Williams',
  'Wójcik', 'Wu', 'Xu', 'Yamamoto', 'Yang', 'Yılmaz', 'Yoshida', 'Zhang', 'Zhao', 'Zhou', 'Zieliński', 'Zimmermann',
];
const INITIALS = [...'ABCDEFGHIJKLMNOPRSTUVWYZ'];
const ROR_CHARACTERS = [...'0123456789abcdefghjkmnpqrstvwxyz'];
const PLACE_STARTS = ['Al', 'Bel', 'Cor', 'Dun', 'El', 'Fen', 'Gal', 'Har', 'Ist', 'Jor', 'Kel', 'Lin', 'Mar', 'Nor', 'Or', 'Pal', 'Quen', 'Ros', 'Sal', 'Tor', 'Ul', 'Val', 'Wes', 'Yar', 'Zan'];
const PLACE_MIDDLES = ['', 'a', 'e', 'i', 'o', 'ar', 'en', 'or', 'is'];
const PLACE_ENDS = ['ford', 'mont', 'haven', 'bury', 'dale', 'field', 'gate', 'holm', 'mere', 'stad', 'ton', 'vik', 'wick', 'burg', 'port', 'ridge'];
const ORGANIZATION_FORMS = ['University of #', '# Institute of Technology', '# Research Institute', '# University', '# Polytechnic', 'Institute for Computing, #'];
const COUNTRIES = ['US', 'CN', 'GB', 'DE', 'FR', 'JP', 'CA', 'IN', 'KR', 'IT', 'ES', 'NL', 'CH', 'SE', 'AU', 'BR', 'IL', 'SG', 'DK', 'PL', 'CZ', 'PT', 'TR', 'FI', 'NO', 'AT', 'BE', 'IE', 'GR', 'MX'];
const COUNTRY_WEIGHTS = COUNTRIES.map((_, i) => (i < 2 ? 8 : i < 6 ? 4 : i < 12 ? 2 : 1));
const TOPICS: readonly (readonly [string, string])[] = [
  ['ai', 'Artificial Intelligence'], ['ml', 'Machine Learning'], ['cv', 'Computer Vision'], ['nlp', 'Natural Language Processing'],
  ['rl', 'Reinforcement Learning'], ['ir', 'Information Retrieval'], ['db', 'Databases'], ['dc', 'Distributed Computing'],
  ['pl', 'Programming Languages'], ['se', 'Software Engineering'], ['cr', 'Cryptography and Security'], ['hci', 'Human-Computer Interaction'],
  ['ro', 'Robotics'], ['gt', 'Game Theory'], ['ds', 'Data Structures and Algorithms'], ['cc', 'Computational Complexity'],
  ['lo', 'Logic in Computer Science'], ['ni', 'Networking'], ['os', 'Operating Systems'], ['ar', 'Hardware Architecture'],
  ['gr', 'Graphics'], ['sd', 'Sound'], ['mm', 'Multimedia'], ['si', 'Social and Information Networks'],
  ['cy', 'Computers and Society'], ['dl', 'Digital Libraries'], ['et', 'Emerging Technologies'], ['ma', 'Multiagent Systems'],
  ['ne', 'Neural and Evolutionary Computing'], ['na', 'Numerical Analysis'], ['sc', 'Symbolic Computation'], ['fl', 'Formal Languages'],
  ['cg', 'Computational Geometry'], ['dm', 'Discrete Mathematics'], ['it', 'Information Theory'], ['sy', 'Systems and Control'],
  ['bio', 'Computational Biology'], ['qc', 'Quantum Computing'], ['st', 'Statistics Theory'], ['ce', 'Computational Engineering'],
];
const VENUES = [
  'Conference on Synthetic Learning', 'Journal of Generated Results', 'Symposium on Imaginary Systems', 'Workshop on Plausible Data',
  'Transactions on Simulated Computing', 'International Conference on Mock Intelligence', 'Journal of Fabricated Graphs',
  'Symposium on Seeded Algorithms', 'Conference on Reproducible Randomness', 'Letters in Deterministic Science',
  'Annals of Placeholder Research', 'Proceedings of the Test Fixture Society', 'Journal of Benchmark Studies',
  'Conference on Scalable Fictions', 'Workshop on Untrained Models', 'Review of Sample Theory',
];
const ADJECTIVES = ['Scalable', 'Robust', 'Efficient', 'Provable', 'Adaptive', 'Hierarchical', 'Sparse', 'Interpretable', 'Unified', 'Lightweight', 'Distributed', 'Private', 'Fast', 'Stable', 'Principled', 'Modular', 'Incremental', 'Generalized', 'Calibrated', 'Structured'];
const METHODS = [
  'Contrastive Pretraining', 'Graph Neural Networks', 'Sparse Attention', 'Diffusion Models', 'Bayesian Optimization', 'Federated Learning',
  'Knowledge Distillation', 'Meta-Learning', 'Active Learning', 'Variational Inference', 'Transformers', 'Mixture of Experts',
  'Spectral Methods', 'Random Features', 'Program Synthesis', 'Symbolic Regression', 'Kernel Methods', 'Low-Rank Adaptation',
  'Curriculum Learning', 'Self-Supervision', 'Energy-Based Models', 'Neural Fields', 'Causal Discovery', 'Differential Privacy',
  'Model Checking', 'Learned Indexes', 'Vector Quantization', 'Dynamic Programming', 'Locality-Sensitive Hashing', 'Streaming Sketches',
  'Message Passing', 'Normalizing Flows', 'Policy Gradients', 'Monte Carlo Tree Search', 'Optimal Transport', 'Reservoir Computing',
  'Gaussian Processes', 'Hypergraph Models', 'Equivariant Networks', 'Retrieval Augmentation',
];
const TASKS = [
  'Domain Adaptation', 'Link Prediction', 'Entity Resolution', 'Anomaly Detection', 'Question Answering', 'Image Segmentation',
  'Query Optimization', 'Code Generation', 'Time Series Forecasting', 'Recommendation', 'Motion Planning', 'Speech Recognition',
  'Protein Folding', 'Author Disambiguation', 'Citation Recommendation', 'Traffic Prediction', 'Fault Localization', 'Intrusion Detection',
  'Machine Translation', 'Object Tracking', 'Community Detection', 'Graph Matching', 'Data Cleaning', 'Load Balancing',
  'Job Scheduling', 'Data Compression', 'Summarization', 'Visual Reasoning', 'Molecule Generation', 'Weather Modeling',
  'Text Classification', 'Few-Shot Learning', 'Continual Learning', 'Tabular Prediction', 'Point Cloud Registration', 'Program Repair',
  'Theorem Proving', 'Fair Ranking', 'Multi-Task Learning', 'Clinical Prediction',
];
const DOMAINS = [
  'Healthcare', 'Finance', 'Scientific Literature', 'Social Networks', 'Autonomous Driving', 'E-Commerce', 'Low-Resource Languages',
  'Edge Devices', 'Satellite Imagery', 'Legal Documents', 'Education', 'Energy Systems', 'Genomics', 'Manufacturing', 'Climate Data',
  'Cloud Platforms', 'Video Streams', 'Knowledge Graphs', 'Robot Fleets', 'Open Source Software',
];
const QUALITIES = ['Limits', 'Convergence', 'Robustness', 'Sample Complexity', 'Generalization', 'Stability', 'Expressivity'];
const TITLE_FORMS = [
  (r: Random) => `${r.pick(ADJECTIVES)} ${r.pick(METHODS)} for ${r.pick(TASKS)}`,
  (r: Random) => `On the ${r.pick(QUALITIES)} of ${r.pick(METHODS)} in ${r.pick(TASKS)}`,
  (r: Random) => `Towards ${r.pick(ADJECTIVES)} ${r.pick(TASKS)} with ${r.pick(METHODS)}`,
  (r: Random) => `${r.pick(METHODS)} Meets ${r.pick(TASKS)}`,
  (r: Random) => `Rethinking ${r.pick(TASKS)} through ${r.pick(METHODS)}`,
];

interface Lab {
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

interface Person {
  lab: number;
  moveYear: number | null;
  nextLab: number;
}

interface Draft {
  lab: number;
  year: number;
  publishedOn: string;
  authors: number[];
  topics: { topic: number; score: number }[];
}

const PREFIX = /^[a-z][a-z0-9-]*$/;

export function generateGraph({ authors: authorCount, prefix = 'gen', seed = 42 }: GenerateOptions): SyntheticGraph {
  if (!Number.isInteger(authorCount) || authorCount < 1) throw new RangeError(`authors must be a positive integer, not ${authorCount}`);
  if (!PREFIX.test(prefix)) throw new RangeError(`prefix must match ${PREFIX}, not "${prefix}"`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  const random = new Random(seed);
  const lastYear = SHAPE.years[1];

  // Topics and organizations.
  const topics: SyntheticTopic[] = TOPICS.map(([code, name]) => ({
    id: `${prefix}:topic:${code}`,
    code: `${prefix}.${code}`,
    name,
    scheme: 'synthetic',
  }));
  const organizationCount = Math.max(1, Math.round(authorCount / SHAPE.authorsPerOrganization));
  const organizations = makeOrganizations(random, prefix, organizationCount);

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
      topics: pickDistinct(random, topics.length, SHAPE.topicsPerLab),
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
      drafts.push({ lab: index, year, publishedOn: drawDate(random, year), authors: byline, topics: drawTopics(random, lab, topics.length) });
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

  // Ids follow publication order, so a paper's id says roughly when it appeared.
  const byDate = drafts.map((_, i) => i).sort((a, b) => (drafts[a]!.publishedOn < drafts[b]!.publishedOn ? -1 : drafts[a]!.publishedOn > drafts[b]!.publishedOn ? 1 : a - b));
  const paperId = (rank: number) => `${prefix}:paper:${rank + 1}`;
  const sorted = byDate.map((i) => drafts[i]!);

  const names = makeNames(random, authorCount, people);
  const homeLab = plantedLabs(drafts, people, labAt);
  const authors: SyntheticAuthor[] = names.map((name, i) => ({ id: `${prefix}:author:${i + 1}`, name, nameKey: normalizeKey(name), lab: homeLab[i]! + 1 }));
  const organizationAt = (author: number, year: number) => labs[labAt(author, year)]!.organization;

  // Authorships and the organizations of each paper.
  const authored: SyntheticAuthored[] = [];
  const fromOrganization: SyntheticFromOrganization[] = [];
  const paperOrganizations: number[][] = [];
  for (const [rank, draft] of sorted.entries()) {
    const orgs: number[] = [];
    for (const [k, author] of draft.authors.entries()) {
      const org = organizationAt(author, draft.year);
      if (!orgs.includes(org)) orgs.push(org);
      authored.push({ authorId: authors[author]!.id, paperId: paperId(rank), position: k + 1, organizationId: organizations[org]!.id });
    }
    paperOrganizations.push(orgs);
    for (const org of orgs) fromOrganization.push({ paperId: paperId(rank), organizationId: organizations[org]!.id });
  }

  const affiliatedWith = aggregateAffiliations(sorted, paperOrganizations, organizationAt).map((row) => ({
    authorId: authors[row.author]!.id,
    organizationId: organizations[row.organization]!.id,
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    paperCount: row.paperCount,
  }));

  const hasTopic = sorted.flatMap((draft, rank) =>
    draft.topics.map(({ topic, score }) => ({ paperId: paperId(rank), topicId: topics[topic]!.id, score })),
  );

  const citations = drawCitations(random, sorted, labs.length, topics.length);
  const cites = citations.flatMap((cited, rank) => cited.map((target) => ({ citingId: paperId(rank), citedId: paperId(target) })));
  const citedBy = new Uint32Array(sorted.length);
  for (const cited of citations) for (const target of cited) citedBy[target]!++;

  const titles = new Set<string>();
  const arxivNumbers = new Map<string, number>();
  const arxivOffset = [...prefix].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) % 4000, 0);
  const papers: SyntheticPaper[] = sorted.map((draft, rank) => {
    const title = uniqueTitle(random, titles);
    const doi = `10.5555/${prefix}.${rank + 1}`;
    let arxivId: string | null = null;
    if (draft.year >= 2007 && random.chance(SHAPE.arxivShare)) {
      // arXiv's YYMM.NNNN(N) form, numbered per month; offset by prefix so graphs rarely collide.
      const month = draft.publishedOn.slice(2, 4) + draft.publishedOn.slice(5, 7);
      const number = (arxivNumbers.get(month) ?? arxivOffset) + 1;
      arxivNumbers.set(month, number);
      arxivId = `${month}.${String(number).padStart(draft.year >= 2015 ? 5 : 4, '0')}`;
    }
    const external = Math.floor(citedBy[rank]! * 1.5 * random.next() + 12 * random.next() ** 4);
    return {
      id: paperId(rank),
      title,
      titleKey: normalizeKey(title),
      year: draft.year,
      publishedOn: draft.publishedOn,
      venue: random.chance(0.7) ? random.pick(labs[draft.lab]!.venues) : random.pick(VENUES),
      abstract: makeAbstract(random, title),
      doi,
      arxivId,
      url: `https://doi.org/${doi}`,
      codeUrl: draft.year >= 2014 && random.chance(SHAPE.codeShare) ? `https://code.example.org/${prefix}/lab-${draft.lab + 1}/${slug(title)}` : null,
      citationCount: citedBy[rank]! + external,
      authorListComplete: true,
    };
  });

  return {
    source: { id: `source:synthetic-${prefix}`, kind: 'synthetic', name: `Synthetic graph "${prefix}" (${authorCount} authors, seed ${seed})` },
    topics,
    organizations,
    authors,
    papers,
    authored,
    affiliatedWith,
    fromOrganization,
    hasTopic,
    cites,
  };
}

/**
 * Each author's planted community (0-based lab): the lab (s)he was at for most of his or her
 * papers. Only a mover has papers in two labs; a tie goes to the lab moved to. Draws nothing from
 * the PRNG, so the graph is the same with or without it.
 */
function plantedLabs(drafts: Draft[], people: Person[], labAt: (author: number, year: number) => number): number[] {
  const before = new Uint32Array(people.length);
  const after = new Uint32Array(people.length);
  for (const draft of drafts) {
    for (const author of draft.authors) {
      const person = people[author]!;
      if (person.moveYear === null) continue;
      if (labAt(author, draft.year) === person.lab) before[author]!++;
      else after[author]!++;
    }
  }
  return people.map((person, author) => (person.moveYear !== null && after[author]! >= before[author]! ? person.nextLab : person.lab));
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

function makeOrganizations(random: Random, prefix: string, count: number): SyntheticOrganization[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    let name = '';
    for (let tries = 0; tries === 0 || used.has(normalizeKey(name)); tries++) {
      const place = random.pick(PLACE_STARTS) + random.pick(PLACE_MIDDLES) + random.pick(PLACE_ENDS);
      name = random.pick(ORGANIZATION_FORMS).replace('#', place);
      if (tries >= 20) name = `${name} ${tries}`;
    }
    used.add(normalizeKey(name));
    // ROR-shaped (0 + 6 base-32 characters + 2 digits), not registered anywhere.
    const ror = `https://ror.org/0${Array.from({ length: 6 }, () => random.pick(ROR_CHARACTERS)).join('')}${String(random.int(10, 99))}`;
    return { id: `${prefix}:org:${i + 1}`, name, nameKey: normalizeKey(name), ror, country: COUNTRIES[random.weighted(COUNTRY_WEIGHTS)]! };
  });
}

/** Unique names (by key), then a share of authors renamed after an author of another lab. */
function makeNames(random: Random, count: number, people: Person[]): string[] {
  const used = new Set<string>();
  const names = Array.from({ length: count }, () => {
    for (let tries = 0; ; tries++) {
      const middle = tries > 8 ? `${random.pick(INITIALS)}. ${random.pick(INITIALS)}. ` : random.chance(0.5) ? `${random.pick(INITIALS)}. ` : '';
      const name = `${random.pick(FIRST_NAMES)} ${middle}${random.pick(LAST_NAMES)}${tries > 30 ? ` ${tries}` : ''}`;
      if (!used.has(normalizeKey(name))) return used.add(normalizeKey(name)), name;
    }
  });
  const order = random.shuffle(Array.from({ length: count }, (_, i) => i));
  const pairs = count < 2 ? 0 : Math.max(1, Math.round(count * SHAPE.duplicateNameShare));
  for (let i = 0; i < pairs && 2 * i + 1 < count; i++) {
    const [original, copy] = [order[2 * i]!, order[2 * i + 1]!];
    if (people[original]!.lab === people[copy]!.lab && count > SHAPE.labSize[1]) continue;
    // Half the copies drop the accents: a different spelling with the same key.
    const name = names[original]!;
    names[copy] = random.chance(0.5) ? name.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC') : name;
  }
  return names;
}

function aggregateAffiliations(
  papers: Draft[],
  paperOrganizations: number[][],
  organizationAt: (author: number, year: number) => number,
): { author: number; organization: number; firstYear: number; lastYear: number; paperCount: number }[] {
  // The organizations an author worked at: those of the papers (s)he wrote while there.
  const worked = new Map<number, Set<number>>();
  for (const paper of papers) {
    for (const author of paper.authors) {
      const orgs = worked.get(author) ?? new Set<number>();
      orgs.add(organizationAt(author, paper.year));
      worked.set(author, orgs);
    }
  }
  const rows = new Map<string, { author: number; organization: number; firstYear: number; lastYear: number; paperCount: number }>();
  for (const [rank, paper] of papers.entries()) {
    for (const author of paper.authors) {
      for (const organization of paperOrganizations[rank]!) {
        if (!worked.get(author)!.has(organization)) continue;
        const key = `${author}|${organization}`;
        const row = rows.get(key);
        if (row) {
          row.firstYear = Math.min(row.firstYear, paper.year);
          row.lastYear = Math.max(row.lastYear, paper.year);
          row.paperCount++;
        } else {
          rows.set(key, { author, organization, firstYear: paper.year, lastYear: paper.year, paperCount: 1 });
        }
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.author - b.author || a.organization - b.organization);
}

/**
 * Citations, in publication order, only to papers of earlier years: some to the lab's own
 * earlier work, some to the main topic, some in proportion to citations already received (so a
 * few papers become highly cited), the rest at random.
 */
function drawCitations(random: Random, papers: Draft[], labCount: number, topicCount: number): number[][] {
  const firstOfYear = new Map<number, number>();
  for (const [rank, paper] of papers.entries()) if (!firstOfYear.has(paper.year)) firstOfYear.set(paper.year, rank);
  const byLab: number[][] = Array.from({ length: labCount }, () => []);
  const byTopic: number[][] = Array.from({ length: topicCount }, () => []);
  for (const [rank, paper] of papers.entries()) {
    byLab[paper.lab]!.push(rank);
    byTopic[paper.topics[0]!.topic]!.push(rank);
  }
  const received: number[] = [];
  // Ranks in a sorted list below `limit`: the older papers of that list.
  const below = (list: number[], limit: number) => {
    let [lo, hi] = [0, list.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return papers.map((paper) => {
    const older = firstOfYear.get(paper.year)!;
    const count = Math.min(random.weighted(SHAPE.citesPerPaper), older);
    const cited = new Set<number>();
    for (let tries = 0; cited.size < count && tries < count * 10; tries++) {
      const roll = random.next();
      const pool = roll < 0.35 ? byLab[paper.lab]! : roll < 0.65 ? byTopic[paper.topics[0]!.topic]! : null;
      let target: number;
      if (pool) {
        const n = below(pool, older);
        target = n > 0 ? pool[random.int(0, n - 1)]! : random.int(0, older - 1);
      } else if (roll < 0.85 && received.length > 0) {
        // Every earlier citation went to a paper of an earlier year than this one.
        target = random.pick(received);
      } else {
        target = random.int(0, older - 1);
      }
      cited.add(target);
    }
    received.push(...cited);
    return [...cited].sort((a, b) => a - b);
  });
}

function uniqueTitle(random: Random, used: Set<string>): string {
  for (let tries = 0; ; tries++) {
    let title = random.pick(TITLE_FORMS)(random);
    if (random.chance(0.5)) title += ` in ${random.pick(DOMAINS)}`;
    if (tries >= 10) title += `: Part ${tries - 8}`;
    if (!used.has(normalizeKey(title))) return used.add(normalizeKey(title)), title;
  }
}

function makeAbstract(random: Random, title: string): string {
  const method = random.pick(METHODS).toLowerCase();
  const task = random.pick(TASKS).toLowerCase();
  const name = (random.pick(PLACE_STARTS) + random.pick(PLACE_ENDS)).toUpperCase();
  const result = random.chance(0.6)
    ? `Experiments on ${random.int(2, 12)} benchmarks show a ${random.int(2, 40)}% improvement over strong baselines at ${random.pick(['half', 'a third of', 'a tenth of', 'the same'])} the cost.`
    : `We prove a ${random.pick(['tight', 'near-optimal', 'logarithmic', 'polynomial'])} bound on its error and confirm it on ${random.int(2, 9)} datasets.`;
  return [
    `This paper, "${title}", revisits ${task}.`,
    `Approaches based on ${method} ${random.pick(['scale poorly', 'need large labeled sets', 'are hard to tune', 'ignore structure'])}.`,
    `We propose ${name}, a ${random.pick(ADJECTIVES).toLowerCase()} alternative that ${random.pick(['shares statistics across tasks', 'prunes the search space early', 'learns from weak signals', 'reuses cached partial results'])}.`,
    result,
  ].join(' ');
}
