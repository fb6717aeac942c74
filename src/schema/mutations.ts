import { JSONResolver } from 'graphql-scalars';
import { parseOpenAlexWork } from '../ingest/formats/openalex.js';
import { recordAuthorSchema, checkRecord, type PaperRecord } from '../ingest/record.js';
import { builder } from './builder.js';
import { BadInputError } from '../errors/coded.js';
import { present } from './paper.js';
import { AuthorRef, PaperRef } from './refs.js';

/**
 * Writes: small imports and identity fixes. Every field needs an API token (UNAUTHENTICATED
 * otherwise, before anything is read or written) and goes through the same identity rules as
 * `npm run import`.
 */

builder.addScalarType('JSON', JSONResolver);
builder.mutationType({ description: 'Writes: they need an API token (Authorization: Bearer <token> or X-API-Key).' });

const API_SOURCE = { id: 'source:api', kind: 'api', name: 'GraphQL API' };
const MAX_WORKS = 100;

const AuthorInput = builder.inputType('AuthorInput', {
  description: 'An author as a source names them; external ids identify them across sources.',
  fields: (t) => ({
    name: t.string({ description: 'The name as the source spells it.', required: true }),
    orcid: t.string({ description: 'ORCID iD (0000-0000-0000-0000).' }),
    openalexId: t.string({ description: 'OpenAlex author id (A123…).' }),
    openreviewId: t.string({ description: 'OpenReview profile id (~First_Last1).' }),
  }),
});

const PaperInput = builder.inputType('PaperInput', {
  description: 'A paper as a source gives it; ids identify it across sources.',
  fields: (t) => ({
    title: t.string({ description: 'The title (not blank).', required: true }),
    year: t.int({ description: 'Year of publication (four digits).', required: true }),
    publishedOn: t.string({ description: 'YYYY-MM-DD' }),
    venue: t.string({ description: 'Where it appeared.' }),
    abstract: t.string({ description: 'The abstract.' }),
    doi: t.string({ description: 'DOI without the https://doi.org/ prefix, e.g. 10.1145/3580305.3599376.' }),
    arxivId: t.string({ description: 'The arXiv id, e.g. 2310.04400.' }),
    openreviewId: t.string({ description: 'OpenReview forum id.' }),
    openalexId: t.string({ description: 'OpenAlex work id (W123…).' }),
    url: t.string({ description: 'A page for the paper.' }),
    codeUrl: t.string({ description: 'Where its code is published.' }),
    citationCount: t.int({ description: 'Citations as the source counts them (0 or more).' }),
    authors: t.field({ type: [AuthorInput], required: true, description: 'The byline, in order.' }),
    authorListComplete: t.boolean({ description: 'False when the byline is cut short ("et al."); default true.', defaultValue: true }),
  }),
});

const compact = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as T;

interface WorksResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: { index: number; reason: string }[];
  paperIds: string[];
}

const RejectedRecordRef = builder.objectRef<{ index: number; reason: string }>('RejectedRecord').implement({
  description: 'A record an import refused, and why.',
  fields: (t) => ({ index: t.exposeInt('index', { description: 'Its position in the list sent, from 0.' }), reason: t.exposeString('reason', { description: 'Why it was refused.' }) }),
});

const ImportWorksResultRef = builder.objectRef<WorksResult>('ImportWorksResult').implement({
  description: 'What an import did: papers created, updated or unchanged; records skipped or rejected (with reasons).',
  fields: (t) => ({
    created: t.exposeInt('created', { description: 'Papers new to the graph.' }),
    updated: t.exposeInt('updated', { description: 'Papers already there that this import changed.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Papers already there exactly as sent.' }),
    skipped: t.exposeInt('skipped', { description: 'Records left out by design, not errors: OpenAlex paratext (front matter, indexes).' }),
    rejected: t.field({ description: 'Records refused, with their reasons; the rest landed.', type: [RejectedRecordRef], resolve: (result) => result.rejected }),
    papers: t.field({
      description: 'The papers of the records that landed (created, updated or unchanged), in the order sent.',
      type: [PaperRef],
      resolve: async (result, _args, { loaders }) => present(await loaders.paper.loadMany(result.paperIds)),
    }),
  }),
});

const SplitResultRef = builder.objectRef<{ original: string; split: string }>('SplitAuthorResult').implement({
  description: 'The two authors a split leaves.',
  fields: (t) => ({
    original: t.field({ description: 'The author the papers were moved from.', type: AuthorRef, nullable: true, resolve: (r, _a, { loaders }) => loaders.author.load(r.original) }),
    split: t.field({ description: 'The new author who now has those papers.', type: AuthorRef, nullable: true, resolve: (r, _a, { loaders }) => loaders.author.load(r.split) }),
  }),
});

builder.mutationFields((t) => ({
  upsertAuthor: t.field({
    type: AuthorRef,
    nullable: true,
    authScopes: { authenticated: true },
    description: 'Finds the author these ids (or, failing them, this name) identify, or creates them; fills in new ids.',
    args: { input: t.arg({ description: 'The author as the source gives it.', type: AuthorInput, required: true }) },
    resolve: async (_root, { input }, { repositories, loaders }) => {
      const checked = recordAuthorSchema.safeParse(compact(input));
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        throw new BadInputError(`${issue.path.join('.')}: ${issue.message}`);
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
    args: { input: t.arg({ description: 'The paper and its byline.', type: PaperInput, required: true }) },
    resolve: async (_root, { input }, { repositories, loaders }) => {
      const checked = checkRecord({ ...compact(input), authors: input.authors.map(compact), source: API_SOURCE, recordId: 'api' });
      if ('rejected' in checked) throw new BadInputError(checked.rejected);
      const result = await repositories.writes.importer.writeBatch([checked.record]);
      loaders.paper.clearAll();
      return loaders.paper.load(result.paperIds[0]!);
    },
  }),
  importWorks: t.field({
    type: ImportWorksResultRef,
    authScopes: { authenticated: true },
    description: `Imports up to ${MAX_WORKS} OpenAlex work objects; bad records are rejected with reasons, the rest land.`,
    args: { works: t.arg({ description: 'OpenAlex work objects as the OpenAlex API returns them, at most 100.', type: ['JSON'], required: true }) },
    resolve: async (_root, { works }, { repositories }) => {
      if (works.length > MAX_WORKS) throw new BadInputError(`At most ${MAX_WORKS} works at a time; use \`npm run import\` for more.`);
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
      into: t.arg.globalID({ description: 'Global id of the author that stays.', for: AuthorRef, required: true }),
      from: t.arg.globalIDList({ description: 'Global ids of the authors merged into it (and removed).', for: AuthorRef, required: true }),
    },
    resolve: async (_root, { into, from }, { repositories, loaders }) => {
      const id = await repositories.writes.mergeAuthors(into.id, from.map((other) => other.id));
      loaders.author.clearAll();
      return loaders.author.load(id);
    },
  }),
  splitAuthor: t.field({
    type: SplitResultRef,
    authScopes: { authenticated: true },
    description: "Moves the given papers' authorships to a new author (two people recorded as one).",
    args: {
      id: t.arg.globalID({ description: 'Global id of the author recorded as two people.', for: AuthorRef, required: true }),
      papers: t.arg.globalIDList({ description: "Global ids of the papers that are the other person's.", for: PaperRef, required: true }),
      name: t.arg.string({ description: 'The new author’s name (default: the same name).' }),
    },
    resolve: async (_root, { id, papers, name }, { repositories }) => {
      const split = await repositories.writes.splitAuthor(id.id, papers.map((paper) => paper.id), name ?? null);
      return { original: id.id, split };
    },
  }),
}));
