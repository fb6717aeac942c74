import { normalizeKey, slug } from '../../src/domain/normalize.js';
import { HashSet } from '../../src/ingest/bulk/hash-index.js';
import { drawCitations } from './citations.js';
import type {
  GenerateOptions, SyntheticAuthor, SyntheticAuthored, SyntheticFromOrganization, SyntheticGraph, SyntheticPaper, SyntheticTopic,
} from './graph.js';
import { formLabs } from './labs.js';
import { draftPapers } from './papers.js';
import { Random } from './random.js';
import { SHAPE } from './shape.js';
import { makeAbstract, makeNames, makeOrganizations, uniqueTitle } from './text.js';
import { affiliations, plantedLabs } from './truth.js';
import { TOPICS, VENUES } from './words.js';

export type * from './graph.js';
export { SHAPE } from './shape.js';
export { mulberry32 } from './random.js';

/** Lower case, and not `author` or `org`, whose ids would look like a name's own node (src/ingest/identity.ts). */
const PREFIX = /^(?!(author|org)$)[a-z][a-z0-9-]*$/;

/** What every draw up to the papers' facts decides: the graph's structure (see generateGraph). */
export interface GraphPlan {
  prefix: string;
  seed: number;
  authorCount: number;
  random: Random;
  topics: SyntheticTopic[];
  organizations: SyntheticGraph['organizations'];
  population: ReturnType<typeof formLabs>;
  /** The drafts in publication order (rank = index). */
  sorted: ReturnType<typeof draftPapers>;
  names: string[];
  /** Per paper (by rank), the ranks it cites, ascending. */
  citations: number[][];
  citedBy: Uint32Array;
  organizationAt: (author: number, year: number) => number;
}

/**
 * The graph's structure, drawn: organizations and topics, labs of authors (labs.ts), their papers
 * (papers.ts), names (text.ts), citations (citations.ts). The papers' own facts (titles,
 * abstracts...) are drawn after, in publication order (paperFacts), so that a stream of papers
 * (stream.ts) draws exactly what generateGraph draws.
 */
export function planGraph({ authors: authorCount, prefix = 'gen', seed = 42 }: GenerateOptions): GraphPlan {
  if (!Number.isInteger(authorCount) || authorCount < 1) throw new RangeError(`authors must be a positive integer, not ${authorCount}`);
  if (!PREFIX.test(prefix)) throw new RangeError(`prefix must match ${PREFIX}, not "${prefix}"`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  const random = new Random(seed);

  const topics: SyntheticTopic[] = TOPICS.map(([code, name]) => ({
    id: `${prefix}:topic:${code}`,
    code: `${prefix}.${code}`,
    name,
    scheme: 'synthetic',
  }));
  const organizationCount = Math.max(1, Math.round(authorCount / SHAPE.authorsPerOrganization));
  const organizations = makeOrganizations(random, prefix, organizationCount);
  const population = formLabs(random, authorCount, organizationCount, topics.length);
  const { labs, people, labAt } = population;
  const drafts = draftPapers(random, population, topics.length);

  // Ids follow publication order, so a paper's id says roughly when it appeared.
  const byDate = drafts.map((_, i) => i).sort((a, b) => (drafts[a]!.publishedOn < drafts[b]!.publishedOn ? -1 : drafts[a]!.publishedOn > drafts[b]!.publishedOn ? 1 : a - b));
  const sorted = byDate.map((i) => drafts[i]!);
  const names = makeNames(random, authorCount, people);
  const organizationAt = (author: number, year: number) => labs[labAt(author, year)]!.organization;
  const citations = drawCitations(random, sorted, labs.length, topics.length);
  const citedBy = new Uint32Array(sorted.length);
  for (const cited of citations) for (const target of cited) citedBy[target]!++;
  return { prefix, seed, authorCount, random, topics, organizations, population, sorted, names, citations, citedBy, organizationAt };
}

export const paperIdOf = (prefix: string, rank: number) => `${prefix}:paper:${rank + 1}`;
export const authorIdOf = (prefix: string, author: number) => `${prefix}:author:${author + 1}`;

export function graphSource({ prefix, authorCount, seed }: Pick<GraphPlan, 'prefix' | 'authorCount' | 'seed'>): SyntheticGraph['source'] {
  return { id: `source:synthetic-${prefix}`, kind: 'synthetic', name: `Synthetic graph "${prefix}" (${authorCount} authors, seed ${seed})` };
}

/** Each paper's facts in publication order, drawn one after the other (the last draws of a graph). */
export function* paperFacts(plan: GraphPlan): Generator<SyntheticPaper> {
  const { random, prefix, sorted, citedBy } = plan;
  const { labs } = plan.population;
  // Hashed keys (src/ingest/bulk/hash-index.ts): millions of titles as strings would dominate the stream's memory.
  const titles = new HashSet(sorted.length * 2);
  const arxivNumbers = new Map<string, number>();
  const arxivOffset = [...prefix].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) % 4000, 0);
  for (const [rank, draft] of sorted.entries()) {
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
    yield {
      id: paperIdOf(prefix, rank),
      title,
      titleKey: normalizeKey(title),
      year: draft.year,
      publishedOn: draft.publishedOn,
      venue: random.chance(0.7) ? random.pick(labs[draft.lab]!.venues) : random.pick(VENUES),
      abstract: makeAbstract(random, title),
      doi,
      arxivId,
      url: `https://doi.org/${doi}`,
      openalexId: `${prefix}:W${rank + 1}`,
      codeUrl: draft.year >= 2014 && random.chance(SHAPE.codeShare) ? `https://code.example.org/${prefix}/lab-${draft.lab + 1}/${slug(title)}` : null,
      citationCount: citedBy[rank]! + external,
      authorListComplete: true,
    };
  }
}

/**
 * The graph (shape.ts says what it looks like): its structure (planGraph), then ids in
 * publication order and each paper's facts (paperFacts). The draws come in a fixed order from one PRNG.
 */
export function generateGraph(options: GenerateOptions): SyntheticGraph {
  const plan = planGraph(options);
  const { prefix, topics, organizations, sorted, names, citations, organizationAt } = plan;
  const { people, labAt } = plan.population;
  const paperId = (rank: number) => paperIdOf(prefix, rank);

  const homeLab = plantedLabs(sorted, people, labAt);
  const authors: SyntheticAuthor[] = names.map((name, i) => ({ id: authorIdOf(prefix, i), name, nameKey: normalizeKey(name), lab: homeLab[i]! + 1 }));

  // Authorships and the organizations of each paper.
  const authored: SyntheticAuthored[] = [];
  const fromOrganization: SyntheticFromOrganization[] = [];
  for (const [rank, draft] of sorted.entries()) {
    const orgs: number[] = [];
    for (const [k, author] of draft.authors.entries()) {
      const org = organizationAt(author, draft.year);
      if (!orgs.includes(org)) orgs.push(org);
      authored.push({ authorId: authors[author]!.id, paperId: paperId(rank), position: k + 1, organizationId: organizations[org]!.id });
    }
    for (const org of orgs) fromOrganization.push({ paperId: paperId(rank), organizationId: organizations[org]!.id });
  }

  const affiliatedWith = affiliations(sorted, organizationAt).map((row) => ({
    authorId: authors[row.author]!.id,
    organizationId: organizations[row.organization]!.id,
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    paperCount: row.paperCount,
  }));

  const hasTopic = sorted.flatMap((draft, rank) =>
    draft.topics.map(({ topic, score }) => ({ paperId: paperId(rank), topicId: topics[topic]!.id, score })),
  );
  const cites = citations.flatMap((cited, rank) => cited.map((target) => ({ citingId: paperId(rank), citedId: paperId(target) })));
  const papers: SyntheticPaper[] = [...paperFacts(plan)];

  return {
    source: graphSource(plan),
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
