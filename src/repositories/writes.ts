import { createHash } from 'node:crypto';
import { Neo4jError } from 'neo4j-driver';
import { claimRun, executeRun, parseParameters, type AnalyticsInput } from '../analytics/run.js';
import { cypher } from '../db/cypher.js';
import type { GraphDatabase } from '../db/driver.js';
import { createWrite, type WriteTransaction } from '../db/write.js';
import { normalizeKey, slug } from '../domain/normalize.js';
import { BadInputError, NotFoundError, StaleSuggestionError } from '../errors/coded.js';
import { createImportWriter } from '../ingest/writer.js';
import type { Causality, StatementCounter } from '../request-scope.js';
import { pairKey, type IdentityDecisionRow, type IdentitySuggestionReason } from './identity.js';

/**
 * The write side: imports (through the import writer, with its identity rules) and the fixes
 * an operator makes to identity mistakes. Each write is one transaction, under the write time
 * limit, counted on the request's counter and leaving its bookmark on the request (src/db/write.ts).
 */

const queries = {
  authorsForFix: cypher('fix/authors-for-fix'),
  merge: cypher('fix/merge-authors'),
  split: cypher('fix/split-author'),
  refreshAuthors: cypher('import/refresh-authors'),
  identityPair: cypher('fix/identity-pair'),
  recordDecision: cypher('fix/record-identity-decision'),
};

/** An operator's answer to an identity suggestion (identitySuggestions in src/schema/identity.ts). */
export interface IdentityDecisionInput {
  keepId: string;
  otherId: string;
  reason: IdentitySuggestionReason;
  accept: boolean;
  /** Who decides: the token's subject (src/auth.ts). */
  by: string;
}

interface PairFacts {
  keepName: string | null;
  keepNameKey: string | null;
  otherName: string | null;
  otherNameKey: string | null;
  decided: string | null;
}

interface AuthorFacts {
  id: string;
  name: string;
  openalexId: string | null;
  orcid: string | null;
  openreviewId: string | null;
  paperIds: string[];
}

/** The writes of one request (or of a script: no scope). */
export function createWrites(db: GraphDatabase, scope?: StatementCounter & Causality) {
  const write = createWrite(db, { counter: scope, causality: scope });
  const importer = createImportWriter(db, write);

  const rowsOf = (tx: WriteTransaction) => async (query: string, params: Record<string, unknown>) => (await tx.run(query, params)).records.map((r) => r.toObject());
  const inWrite = <T>(work: (run: ReturnType<typeof rowsOf>) => Promise<T>) => write.transaction((tx) => work(rowsOf(tx)));

  const factsOf = async (run: Parameters<Parameters<typeof inWrite>[0]>[0], ids: string[]) => {
    const rows = (await run(queries.authorsForFix, { ids })) as unknown as AuthorFacts[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) if (!byId.has(id)) throw new NotFoundError(`No author has the id given (${ids.indexOf(id) + 1}).`);
    return ids.map((id) => byId.get(id)!);
  };

  /**
   * Merges each of `from` into `into`; refuses when their ORCID iDs or OpenReview ids say they
   * are two people. Different OpenAlex ids do not: OpenAlex itself splits people and merges
   * their ids later; `from`'s becomes an alias of `into` (fix/merge-authors), as OpenAlex's
   * merged ids are.
   */
  const mergeIn = async (run: ReturnType<typeof rowsOf>, into: string, from: string[]) => {
    const others = [...new Set(from)].filter((id) => id !== into);
    if (others.length === 0) throw new BadInputError('Name at least one other author to merge.');
    const [target, ...sources] = await factsOf(run, [into, ...others]);
    for (const source of sources) {
      for (const field of ['orcid', 'openreviewId'] as const) {
        if (target![field] && source[field] && target![field] !== source[field]) {
          throw new BadInputError(`The authors have different ${field} values: they are two people.`);
        }
      }
    }
    for (const source of sources) await run(queries.merge, { into, from: source.id });
    await run(queries.refreshAuthors, { authorIds: [into] });
    return into;
  };

  return {
    importer,

    /**
     * Claims an analytics run and lets it work on after the answer: the run records its own steps,
     * completion or failure on its AnalyticsRun node, which is where a client follows it.
     */
    startAnalytics: async (input: AnalyticsInput) => {
      const parameters = parseParameters(input);
      const run = await claimRun(db, parameters, write);
      executeRun(db, run, parameters).catch(() => {
        // Recorded on the run (status FAILED, with the error) by executeRun itself.
      });
      return run;
    },

    /** Merges each of `from` into `into` (mergeIn, above), in a transaction of its own. */
    mergeAuthors: (into: string, from: string[]) => inWrite((run) => mergeIn(run, into, from)),

    /**
     * Decides an identity suggestion in one transaction: accepted, `otherId` is merged into
     * `keepId` as mergeAuthors merges (and refused as it refuses); rejected, both stay. Either way
     * the decision is recorded (fix/record-identity-decision), so the pair is never suggested
     * again. A suggestion that no longer holds (an author gone, names apart now, decided already)
     * is STALE_SUGGESTION, and nothing is written.
     */
    decideIdentity: ({ keepId, otherId, reason, accept, by }: IdentityDecisionInput) =>
      inWrite(async (run) => {
        const key = pairKey(keepId, otherId);
        const [pair] = (await run(queries.identityPair, { keepId, otherId, pairKey: key })) as unknown as PairFacts[];
        if (!pair?.keepNameKey || !pair.otherNameKey) throw new StaleSuggestionError('An author of this suggestion is gone (merged or removed): ask `identitySuggestions` again.');
        if (pair.decided) throw new StaleSuggestionError(`This suggestion was decided already (${pair.decided}).`);
        if (pair.keepNameKey !== pair.otherNameKey) throw new StaleSuggestionError('The two authors no longer bear one name: ask `identitySuggestions` again.');
        if (accept) await mergeIn(run, keepId, [otherId]);
        const id = `identity-decision:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
        const [row] = await run(queries.recordDecision, {
          id, pairKey: key, nameKey: pair.keepNameKey, decision: accept ? 'accepted' : 'rejected', by, reason,
          authorIds: [keepId, otherId], names: [pair.keepName, pair.otherName],
        });
        return row!.decision as IdentityDecisionRow;
      }).catch((error: unknown) => {
        // Two requests deciding one pair at once: the second meets the first's pairKey.
        if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed' && error.message.includes('IdentityDecision')) {
          throw new StaleSuggestionError('This suggestion was decided already, by another request.');
        }
        throw error;
      }),

    /** Moves the authorships of `paperIds` from author `id` to a new author; returns its id. */
    splitAuthor: (id: string, paperIds: string[], name: string | null) =>
      inWrite(async (run) => {
        const [author] = await factsOf(run, [id]);
        const papers = [...new Set(paperIds)];
        const foreign = papers.filter((paperId) => !author!.paperIds.includes(paperId));
        if (papers.length === 0 || foreign.length > 0) {
          throw new BadInputError('`papers` must name papers of this author, at least one.');
        }
        const splitName = name?.trim() || author!.name;
        if (!normalizeKey(splitName)) throw new BadInputError('`name` needs a letter or digit.');
        const newId = `author:${slug(splitName)}~${createHash('sha256').update(`${id}|${papers.sort().join('|')}`).digest('hex').slice(0, 10)}`;
        await run(queries.split, { id, newId, name: splitName, nameKey: normalizeKey(splitName), nameGiven: Boolean(name?.trim()), paperIds: papers });
        await run(queries.refreshAuthors, { authorIds: [id, newId] });
        return newId;
      }),
  };
}

export type Writes = ReturnType<typeof createWrites>;
