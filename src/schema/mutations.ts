import { GraphQLError } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { parseOpenAlexWork } from '../ingest/formats/openalex.js';
import { authorRefSchema, checkRecord, type PaperRecord } from '../ingest/record.js';
import { WriteRefused } from '../repositories/writes.js';
import { builder } from './builder.js';
import { badUserInput } from './errors.js';
import { present } from './paper.js';
import { AuthorRef, PaperRef } from './refs.js';

/**
 * Writes: small imports and identity fixes. Every field needs an API token (UNAUTHENTICATED
 * otherwise, before anything is read or written) and goes through the same identity rules as
 * `npm run import`.
 */

builder.addScalarType('JSON', JSONResolver);
builder.mutationType({});

const API_SOURCE = { id: 'source:api', kind: 'api', name: 'GraphQL API' };
const MAX_WORKS = 100;

const AuthorInput = builder.inputType('AuthorInput', {
  description: 'An author as a source names them; external ids identify them across sources.',
  fields: (t) => ({
    name: t.string({ required: true }),
    orcid: t.string(),
    openalexId: t.string(),
    openreviewId: t.string(),
  }),
});

const PaperInput = builder.inputType('PaperInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    year: t.int({ required: true }),
    publishedOn: t.string({ description: 'YYYY-MM-DD' }),
    venue: t.string(),
    abstract: t.string(),
    doi: t.string(),
    arxivId: t.string(),
    openreviewId: t.string(),
    openalexId: t.string(),
    url: t.string(),
    codeUrl: t.string(),
    citationCount: t.int(),
    authors: t.field({ type: [AuthorInput], required: true, description: 'The byline, in order.' }),
    authorListComplete: t.boolean({ defaultValue: true }),
  }),
});

const compact = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as T;

function refused(error: unknown): never {
  if (error instanceof WriteRefused) throw new GraphQLError(error.message, { extensions: { code: error.code } });
  throw error;
}

interface WorksResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: { index: number; reason: string }[];
  paperIds: string[];
}

const RejectedRecordRef = builder.objectRef<{ index: number; reason: string }>('RejectedRecord').implement({
  fields: (t) => ({ index: t.exposeInt('index'), reason: t.exposeString('reason') }),
});

const ImportWorksResultRef = builder.objectRef<WorksResult>('ImportWorksResult').implement({
  description: 'What an import did: papers created, updated or unchanged; records skipped or rejected (with reasons).',
  fields: (t) => ({
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
    skipped: t.exposeInt('skipped'),
    rejected: t.field({ type: [RejectedRecordRef], resolve: (result) => result.rejected }),
    papers: t.field({
      type: [PaperRef],
      resolve: async (result, _args, { loaders }) => present(await loaders.paper.loadMany(result.paperIds)),
    }),
  }),
});

const SplitResultRef = builder.objectRef<{ original: string; split: string }>('SplitAuthorResult').implement({
  fields: (t) => ({
    original: t.field({ type: AuthorRef, nullable: true, resolve: (r, _a, { loaders }) => loaders.author.load(r.original) }),
    split: t.field({ type: AuthorRef, nullable: true, resolve: (r, _a, { loaders }) => loaders.author.load(r.split) }),
  }),
});

builder.mutationFields((t) => ({
  upsertAuthor: t.field({
    type: AuthorRef,
    nullable: true,
    authScopes: { authenticated: true },
    description: 'Finds the author these ids (or, failing them, this name) identify, or creates them; fills in new ids.',
    args: { input: t.arg({ type: AuthorInput, required: true }) },
    resolve: async (_root, { input }, { repositories, loaders }) => {
      const checked = authorRefSchema.safeParse(compact(input));
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        throw badUserInput(`${issue.path.join('.')}: ${issue.message}`);
      }
      const { id } = await repositories.writes.importer.upsertAuthor(checked.data);
      loaders.author.clear(id);
      return loaders.author.load(id);
    },
  }),
  upsertPaper: t.field({
    type: PaperRef,
    nullable: true,
    authScopes: { authenticated: true },
    description: 'Creates the paper or adds to the one it matches (by its ids, or title, year and an author).',
    args: { input: t.arg({ type: PaperInput, required: true }) },
    resolve: async (_root, { input }, { repositories, loaders }) => {
      const checked = checkRecord({ ...compact(input), authors: input.authors.map(compact), source: API_SOURCE, recordId: 'api' });
      if ('rejected' in checked) throw badUserInput(checked.rejected);
      const result = await repositories.writes.importer.writeBatch([checked.record]);
      loaders.paper.clearAll();
      return loaders.paper.load(result.paperIds[0]!);
    },
  }),
  importWorks: t.field({
    type: ImportWorksResultRef,
    authScopes: { authenticated: true },
    description: `Imports up to ${MAX_WORKS} OpenAlex work objects; bad records are rejected with reasons, the rest land.`,
    args: { works: t.arg({ type: ['JSON'], required: true }) },
    resolve: async (_root, { works }, { repositories }) => {
      if (works.length > MAX_WORKS) throw badUserInput(`At most ${MAX_WORKS} works at a time; use \`npm run import\` for more.`);
      const rejected: WorksResult['rejected'] = [];
      const records: PaperRecord[] = [];
      let skipped = 0;
      works.forEach((work, index) => {
        const parsed = parseOpenAlexWork(work, `api#${index}`);
        if ('skipped' in parsed) skipped++;
        else if ('rejected' in parsed) rejected.push({ index, reason: parsed.rejected });
        else {
          const checked = checkRecord(parsed.record);
          if ('rejected' in checked) rejected.push({ index, reason: checked.rejected });
          else records.push(checked.record);
        }
      });
      const result = records.length ? await repositories.writes.importer.writeBatch(records) : null;
      if (records.some((record) => record.references.length)) await repositories.writes.importer.linkReferences();
      return {
        created: result?.papers.created ?? 0,
        updated: result?.papers.updated ?? 0,
        unchanged: result?.papers.unchanged ?? 0,
        skipped,
        rejected,
        paperIds: result?.paperIds ?? [],
      };
    },
  }),
  mergeAuthors: t.field({
    type: AuthorRef,
    nullable: true,
    authScopes: { authenticated: true },
    description: 'Makes one author of several records of the same person; no authorship is lost.',
    args: {
      into: t.arg.globalID({ for: AuthorRef, required: true }),
      from: t.arg.globalIDList({ for: AuthorRef, required: true }),
    },
    resolve: async (_root, { into, from }, { repositories, loaders }) => {
      const id = await repositories.writes.mergeAuthors(into.id, from.map((other) => other.id)).catch(refused);
      loaders.author.clearAll();
      return loaders.author.load(id);
    },
  }),
  splitAuthor: t.field({
    type: SplitResultRef,
    authScopes: { authenticated: true },
    description: "Moves the given papers' authorships to a new author (two people recorded as one).",
    args: {
      id: t.arg.globalID({ for: AuthorRef, required: true }),
      papers: t.arg.globalIDList({ for: PaperRef, required: true }),
      name: t.arg.string({ description: 'The new author’s name (default: the same name).' }),
    },
    resolve: async (_root, { id, papers, name }, { repositories }) => {
      const split = await repositories.writes.splitAuthor(id.id, papers.map((paper) => paper.id), name ?? null).catch(refused);
      return { original: id.id, split };
    },
  }),
}));
