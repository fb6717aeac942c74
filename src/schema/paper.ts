import type { ExternalIdKind } from '../domain/external-ids.js';
import type { BylineRow } from '../repositories/papers.js';
import { SEARCH_RANKING } from '../domain/search.js';
import { pageArgs } from './args.js';
import { builder } from './builder.js';
import { pageCost } from './cost.js';
import { carriedNodes } from './carried.js';
import { searchArgument, yearArgument } from '../errors/arguments.js';
import { loadByExternalId, oneArgument } from './lookup.js';
import { loadConnection, loadRootConnection } from './pagination.js';
import { AuthorRef, OrganizationRef, PaperConnection, PaperRef, TopicRef } from './refs.js';

const IdentityMethodRef = builder.enumType('AuthorshipIdentityMethod', {
  description: 'How a byline entry came to the author who holds it (the rules: README, "Author identity").',
  values: {
    ID: { value: 'id', description: 'The byline gave an external id (OpenAlex, ORCID, OpenReview) or a fixed id: the author is the one with that id.' },
    MERGED_NAME: { value: 'merged-name', description: 'A name only, spelled as a name an operator merged into this author.' },
    CURATED: { value: 'curated', description: 'Put here, or kept here, by an operator (mergeAuthors, splitAuthor): never moved by evidence again.' },
    SAME_PAPER: { value: 'same-paper', description: 'A name only, on a paper whose byline names this author by id under the same name (two sources of one byline).' },
    COAUTHORS: { value: 'coauthors', description: "A name only, placed with the person whose other papers share coauthors with this one (the evidence names them)." },
    AFFILIATION: { value: 'affiliation', description: 'A name only, placed with the person whose other papers give an institution this one gives.' },
    EVIDENCE: { value: 'evidence', description: 'A name only, placed by the likelihood that it is the same person: how common the name is, topics in common, years (score: the likelihood).' },
    NAME: { value: 'name', description: "A name only, with nothing that tells which person of the name it is: it stays with the name's own node." },
  } as const,
});

const AuthorshipIdentityRef = builder.objectRef<{ method: string; score: number | null; evidence: string[] }>('AuthorshipIdentity').implement({
  description: 'Why an authorship belongs to its author.',
  fields: (t) => ({
    method: t.field({ type: IdentityMethodRef, description: 'How the entry came to its author.', resolve: (identity) => identity.method as never }),
    score: t.exposeFloat('score', {
      nullable: true,
      description: 'COAUTHORS and AFFILIATION: how many coauthors and institutions in common; EVIDENCE: the likelihood (0 to 1); otherwise null.',
    }),
    evidence: t.exposeStringList('evidence', { description: 'What the placement weighed, in words (coauthors and institutions in common, the name prior...).' }),
  }),
});

type Authorship = { paperId: string; entry: BylineRow };
const AuthorshipRef = builder.objectRef<Authorship>('Authorship').implement({
  description: "One entry of a paper's byline: its author, where it stands, how the byline spelled the name, and why it is this author.",
  fields: (t) => ({
    author: t.field({ type: AuthorRef, description: 'The author who holds this entry.', resolve: ({ entry }) => entry.author }),
    position: t.int({ nullable: true, description: '1-based; null where the source did not say.', resolve: ({ entry }) => entry.position }),
    name: t.string({ nullable: true, description: 'The name as the byline spelled it.', resolve: ({ entry }) => entry.name }),
    identity: t.field({
      type: AuthorshipIdentityRef,
      description: 'How the entry came to its author: by an id, by an operator, or by evidence (method, score, evidence).',
      resolve: ({ entry }) => ({ method: entry.identityMethod ?? 'id', score: entry.identityScore, evidence: entry.identityEvidence ?? [] }),
    }),
  }),
});

builder.node(PaperRef, {
  description: 'A publication: a preprint, a conference or a journal paper.',
  id: { resolve: (paper) => paper.id },
  loadMany: (ids, { loaders }) => ids.map((id) => loaders.paper.load(id)),
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The title as its source gives it.' }),
    year: t.exposeInt('year', { description: 'Year of publication.' }),
    publishedOn: t.exposeString('publishedOn', { nullable: true, description: 'ISO date (YYYY-MM-DD) where known.' }),
    venue: t.exposeString('venue', { description: 'Where it appeared, e.g. "NeurIPS 2024" or a journal; null for a preprint without one.', nullable: true }),
    abstract: t.exposeString('abstract', { description: 'The abstract, where a source gave it.', nullable: true }),
    doi: t.exposeString('doi', { description: 'DOI in lower case, without the https://doi.org/ prefix, where known.', nullable: true }),
    arxivId: t.exposeString('arxivId', { description: 'The arXiv id (e.g. 2310.04400), where known.', nullable: true }),
    openreviewId: t.exposeString('openreviewId', { description: 'OpenReview forum id, where known.', nullable: true }),
    openalexId: t.exposeString('openalexId', { description: 'OpenAlex work id (W123…), where known.', nullable: true }),
    url: t.exposeString('url', { description: 'A page for the paper (its source, publisher or preprint).', nullable: true }),
    codeUrl: t.exposeString('codeUrl', { description: 'Where its code is published, where known.', nullable: true }),
    citationCount: t.exposeInt('citationCount', { nullable: true, description: 'As its source reports it.' }),
    authorListComplete: t.boolean({
      description: 'False where a source cut the byline short ("et al."): `authors` is then partial.',
      resolve: (paper) => paper.authorListComplete ?? true,
    }),
    authors: t.field({
      type: [AuthorRef],
      description: 'Authors in byline order; those at an unknown position come last.',
      resolve: async (paper, _args, { loaders }) => {
        const byline = await loaders.paperByline.load(paper.id);
        return present(await carriedNodes(byline, (entry) => [entry.authorId, entry.author], loaders.author));
      },
    }),
    authorships: t.field({
      type: [AuthorshipRef],
      description: 'The byline entry by entry, in the order of `authors`: each with its author, the spelling, and why it is that author.',
      resolve: async (paper, _args, { loaders }) => (await loaders.paperByline.load(paper.id)).map((entry) => ({ paperId: paper.id, entry })),
    }),
    organizations: t.field({
      type: [OrganizationRef],
      description: 'Organizations a source attributes this paper to, by name.',
      resolve: async (paper, _args, { loaders }) => {
        const rows = await loaders.paperOrganizations.load(paper.id);
        return present(await carriedNodes(rows, (row) => [row.organizationId, row.organization], loaders.organization));
      },
    }),
    topics: t.field({
      type: [TopicRef],
      description: 'Topics of this paper, strongest first.',
      resolve: async (paper, _args, { loaders }) => {
        const rows = await loaders.paperTopics.load(paper.id);
        return present(await carriedNodes(rows, (row) => [row.topicId, row.topic], loaders.topic));
      },
    }),
    cites: t.field({
      type: PaperConnection,
      complexity: pageCost,
      description: 'Papers this paper cites, newest first.',
      args: pageArgs,
      resolve: (paper, page, { loaders }) => loadConnection(loaders.paperCites, loaders.paper, { parentId: paper.id }, page),
    }),
    citedBy: t.field({
      type: PaperConnection,
      complexity: pageCost,
      description: 'Papers in the graph that cite this one, newest first.',
      args: pageArgs,
      resolve: (paper, page, { loaders }) => loadConnection(loaders.paperCitedBy, loaders.paper, { parentId: paper.id }, page),
    }),
  }),
});

/** Drops misses (and rethrows failures) of a `loadMany`. */
export function present<T>(values: (T | null | Error)[]): T[] {
  return values.filter((value): value is T => {
    if (value instanceof Error) throw value;
    return value !== null;
  });
}

/** The arguments that identify the paper of `paper(...)`: one of them. */
const PAPER_LOOKUP_ARGUMENTS = ['id', 'doi', 'openalexId', 'arxivId'] as const;
const PAPER_ID_KINDS = { doi: 'doi', openalexId: 'openalexWork', arxivId: 'arxiv' } as const satisfies Record<string, ExternalIdKind>;

builder.queryFields((t) => ({
  paper: t.field({
    type: PaperRef,
    nullable: true,
    description:
      'One paper, by id or by an external id (DOI, OpenAlex work id, arXiv id); give exactly one. An OpenAlex id that was ' +
      'merged into another work answers with that paper. Unknown: null.',
    args: {
      id: t.arg.globalID({ description: 'Global id of the paper.', for: PaperRef }),
      doi: t.arg.string({
        description: 'DOI, in any case, bare (10.1038/nature12373) or with its prefix (https://doi.org/10.1038/nature12373, doi:10.1038/nature12373).',
      }),
      openalexId: t.arg.string({
        description: 'OpenAlex work id, bare (W2741809807) or as a URL (https://openalex.org/W2741809807); a merged id leads to the work it was merged into.',
      }),
      arxivId: t.arg.string({
        description: 'arXiv id, bare (2101.00001), as arXiv:2101.00001 or as a URL (https://arxiv.org/abs/2101.00001v2); a version is dropped.',
      }),
    },
    resolve: (_root, args, { loaders }) => {
      const argument = oneArgument(args, PAPER_LOOKUP_ARGUMENTS);
      if (argument === 'id') return loaders.paper.load(args.id!.id);
      return loadByExternalId({
        argument, text: args[argument]!, kind: PAPER_ID_KINDS[argument], byExternalId: loaders.paperByExternalId, nodes: loaders.paper,
      });
    },
  }),
  papers: t.field({
    type: PaperConnection,
    complexity: pageCost,
    description: `Papers matching every filter given: newest first, or with \`search\` by title. ${SEARCH_RANKING('the more cited', 'title')}`,
    args: {
      search: t.arg.string({ description: 'Words of the title; the last may be the start of a word (at least one letter or digit).' }),
      topic: t.arg.globalID({ description: 'Only papers on this topic (global id).', for: TopicRef }),
      organization: t.arg.globalID({ description: 'Only papers a source attributes to this organization (global id).', for: OrganizationRef }),
      yearFrom: t.arg.int({ description: 'Only papers from this year on (four digits).' }),
      yearTo: t.arg.int({ description: 'Only papers up to this year (four digits).' }),
      ...pageArgs,
    },
    resolve: (_root, { search, topic, organization, yearFrom, yearTo, ...page }, { loaders, repositories }) => {
      const filters = { yearFrom: yearArgument('yearFrom', yearFrom), yearTo: yearArgument('yearTo', yearTo), topicId: topic?.id ?? null, organizationId: organization?.id ?? null };
      if (search == null) return loadRootConnection(repositories.papers.list, loaders.paper, filters, page);
      return loadRootConnection(repositories.papers.search, loaders.paper, { ...filters, ...searchArgument(search) }, page);
    },
  }),
}));
