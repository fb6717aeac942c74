import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import type { PersistedOperationsMode } from '../config.js';
import { RefusedError } from '../errors/coded.js';
import { toGraphQLError } from '../errors/graphql.js';
import { projectRoot } from '../paths.js';

/**
 * Persisted operations: the operations the project's own clients send (the explorer, the API docs' example
 * examples), listed in schema/persisted-operations.json by the SHA-256 of their text. A client may
 * send the hash instead of the document, as Apollo's automatic persisted queries do:
 * `"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}` (POST, or GET with
 * `extensions` in the URL). With PERSISTED_OPERATIONS=only nothing else runs: a client can only
 * ask what the listed operations ask.
 *
 * The manifest is Apollo's persisted query manifest format, so Apollo's and other tools read it.
 * It is written by `npm run operations:persist` (scripts/persist-operations.ts), never by hand.
 */
export const PERSISTED_OPERATIONS_FILE = join(projectRoot, 'schema', 'persisted-operations.json');

const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/),
      name: z.string().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

export type OperationManifest = z.infer<typeof manifestSchema>;
export type PersistedOperation = OperationManifest['operations'][number];

/** An operation's id: the hex SHA-256 of its text exactly as a client sends it. */
export const operationId = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

export function readManifest(file = PERSISTED_OPERATIONS_FILE): OperationManifest {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const operation of manifest.operations) {
    if (operationId(operation.body) !== operation.id) throw new Error(`${file}: ${operation.name}'s id is not the SHA-256 of its body; run npm run operations:persist`);
  }
  return manifest;
}

export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';
export const PERSISTED_OPERATIONS_ONLY = 'PERSISTED_OPERATIONS_ONLY';

const sentHash = (params: unknown): string | null => {
  const persisted = (params as { extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } } | null)?.extensions?.persistedQuery;
  return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
};
const sentDocument = (params: unknown): string | undefined => {
  const query = (params as { query?: unknown } | null)?.query;
  return typeof query === 'string' ? query : undefined;
};

export function usePersistedOperationsOf(manifest: OperationManifest, mode: Exclude<PersistedOperationsMode, 'off'>): Plugin[] {
  const bodyById = new Map(manifest.operations.map(({ id, body }) => [id, body]));
  const listedBodies = new Set(bodyById.values());

  const byHash = usePersistedOperations({
    getPersistedOperation: (id) => bodyById.get(id) ?? null,
    // Documents sent as text are judged below (`only`), not by the plugin, which cannot see them.
    allowArbitraryOperations: true,
    customErrors: {
      // The message Apollo's clients look for: they then send the document along with the hash.
      notFound: {
        message: 'PersistedQueryNotFound',
        extensions: { code: PERSISTED_QUERY_NOT_FOUND, http: { status: 400 } },
      },
    },
  });
  const hashes: Plugin = {
    ...byHash,
    onParams(payload) {
      // Neither a document nor a hash: yoga's own check answers (400, "Must provide query string.").
      if (sentDocument(payload.params) === undefined && sentHash(payload.params) === null) return;
      return byHash.onParams?.(payload);
    },
  };
  if (mode === 'allow') return [hashes];

  const onlyListed: Plugin = {
    onParams({ params }) {
      const document = sentDocument(params);
      if (document === undefined || listedBodies.has(document)) return;
      const error = new RefusedError(
        'Only persisted operations run on this server: send the sha256Hash of a listed operation (extensions.persistedQuery) or its exact text.',
        PERSISTED_OPERATIONS_ONLY,
      );
      throw toGraphQLError(error, { http: { status: error.status } });
    },
  };
  return [onlyListed, hashes];
}
