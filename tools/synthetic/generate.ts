import { normalizeKey, slug } from '../../src/domain/normalize.js';
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

/**
 * The graph (shape.ts says what it looks like): organizations and topics, labs of authors
 * (labs.ts), their papers (papers.ts), names and texts (text.ts), citations (citations.ts), then
 * ids in publication order and each paper's facts. The draws come in a fixed order from one PRNG.
 */
export function generateGraph({ authors: authorCount, prefix = 'gen', seed = 42 }: GenerateOptions): SyntheticGraph {
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
  const paperId = (rank: number) => `${prefix}:paper:${rank + 1}`;
  const sorted = byDate.map((i) => drafts[i]!);

  const names = makeNames(random, authorCount, people);
  const homeLab = plantedLabs(drafts, people, labAt);
  const authors: SyntheticAuthor[] = names.map((name, i) => ({ id: `${prefix}:author:${i + 1}`, name, nameKey: normalizeKey(name), lab: homeLab[i]! + 1 }));
  const organizationAt = (author: number, year: number) => labs[labAt(author, year)]!.organization;

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
      openalexId: `${prefix}:W${rank + 1}`,
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
