import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as ExplorerOperations from '../../explorer/src/operations.js';
import { collectOperations, renderManifest } from '../../scripts/operations-manifest.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/example-operations.js';
import { operationId, PERSISTED_OPERATIONS_FILE, readManifest } from '../../src/http/persisted-operations.js';
import { schema } from '../../src/schema/index.js';

describe('schema/persisted-operations.json', () => {
  it('is what `npm run operations:persist` writes from the explorer and the README (run it after changing either)', () => {
    expect(readFileSync(PERSISTED_OPERATIONS_FILE, 'utf8')).toBe(renderManifest());
  });

  it("lists every operation the explorer sends and every README example, by the SHA-256 of its exact text", () => {
    const manifest = readManifest();
    const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
    for (const body of [...Object.values(ExplorerOperations), ...EXAMPLE_OPERATIONS.map(({ query }) => query)]) {
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
