import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, specifiedRules, validate } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import codegenConfig from '../../codegen.js';
import { collectOperations, explorerDocuments, renderManifest } from '../../scripts/operations-manifest.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/example-operations.js';
import type { PersistedOperationsMode } from '../../src/config.js';
import {
  operationId,
  PERSISTED_OPERATIONS_FILE,
  PERSISTED_OPERATIONS_ONLY,
  PERSISTED_QUERY_NOT_FOUND,
  readManifest,
  type OperationManifest,
} from '../../src/http/persisted-operations.js';
import type { Repositories } from '../../src/repositories/index.js';
import { schema } from '../../src/schema/index.js';
import { createYogaServer } from '../../src/yoga.js';

describe('schema/persisted-operations.json', () => {
  it('is what `npm run operations:persist` writes from the explorer and the README (run it after changing either)', () => {
    expect(readFileSync(PERSISTED_OPERATIONS_FILE, 'utf8')).toBe(renderManifest());
  });

  it('comes with explorer/src/gql/ as GraphQL Code Generator writes it from the explorer and the schema', async () => {
    const files = await generate({ ...codegenConfig, silent: true }, false);
    expect(files.length).toBeGreaterThan(0);
    for (const { filename, content } of files) expect(readFileSync(filename, 'utf8'), filename).toBe(content);
  });

  it("lists every operation the explorer sends and every README example, by the SHA-256 of its exact text", () => {
    const manifest = readManifest();
    const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
    for (const body of [...explorerDocuments(), ...EXAMPLE_OPERATIONS.map(({ query }) => query)]) {
      expect(bodies.get(operationId(body))).toBe(body);
    }
    expect(manifest.operations.length).toBe(collectOperations().length);
  });

  it.each(readManifest().operations.map((operation) => [operation.name, operation] as const))('%s validates against the schema', (_name, operation) => {
    expect(validate(schema, parse(operation.body), specifiedRules)).toEqual([]);
  });

  it('refuses a manifest whose ids are not the hashes of their bodies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    try {
      const manifest = JSON.parse(readFileSync(PERSISTED_OPERATIONS_FILE, 'utf8'));
      manifest.operations[0].body += ' ';
      writeFileSync(join(dir, 'tampered.json'), JSON.stringify(manifest));
      expect(() => readManifest(join(dir, 'tampered.json'))).toThrow(/not the SHA-256 of its body/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('PERSISTED_OPERATIONS, in-process', () => {
  const listed = 'query Listed { __typename }';
  const manifest: OperationManifest = {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: operationId(listed), name: 'Listed', type: 'query', body: listed }],
  };
  // Nothing here reaches a repository: any member the loaders take fails if called.
  const unreachable: Repositories = new Proxy(() => Promise.reject(new Error('no repository here')), { get: () => unreachable }) as never;
  const serverIn = (persistedOperations: PersistedOperationsMode) =>
    createYogaServer({ repositories: () => unreachable, logger: pino({ level: 'silent' }), frontend: { persistedOperations }, operationManifest: manifest });
  async function send(mode: PersistedOperationsMode, body: Record<string, unknown>) {
    const response = await serverIn(mode).fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
    return { status: response.status, data: answer.data, codes: answer.errors?.map((error) => error.extensions.code) };
  }
  const byHash = (body: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: operationId(body) } } });

  it('off: runs documents, and a hash alone is a request without a document', async () => {
    expect(await send('off', { query: '{ __typename }' })).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(await send('off', byHash(listed))).toMatchObject({ status: 400, codes: ['BAD_REQUEST'] });
  });

  it('allow: runs a listed hash and any document; an unknown hash is PERSISTED_QUERY_NOT_FOUND', async () => {
    expect(await send('allow', byHash(listed))).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(await send('allow', { query: '{ other: __typename }' })).toMatchObject({ status: 200, data: { other: 'Query' } });
    expect(await send('allow', byHash('{ __typename }'))).toMatchObject({ status: 400, codes: [PERSISTED_QUERY_NOT_FOUND] });
  });

  it('only: runs a listed operation by hash or by its exact text, and refuses any other document', async () => {
    expect(await send('only', byHash(listed))).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(await send('only', { query: listed })).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(await send('only', { query: `${listed} ` })).toMatchObject({ status: 400, codes: [PERSISTED_OPERATIONS_ONLY] });
    expect(await send('only', { query: '{ __schema { types { name } } }' })).toMatchObject({ status: 400, codes: [PERSISTED_OPERATIONS_ONLY] });
    expect(await send('only', byHash('{ __typename }'))).toMatchObject({ status: 400, codes: [PERSISTED_QUERY_NOT_FOUND] });
  });
});
