import { hashSHA256, type Cache } from '@graphql-yoga/plugin-response-cache';
import { stringify } from 'safe-stable-stringify';
import type { Store } from './stores.js';

/**
 * Cache keys carry the graph's version: `<version tag>.<digest of document, operation name and
 * variables>`, so a write makes every older entry unreachable at once. Variables go in with their
 * keys sorted (safe-stable-stringify): `{a, b}` and `{b, a}` are one entry.
 */
export async function versionedKey(
  tag: string | undefined,
  { documentString, operationName, variableValues }: { documentString: string; operationName?: string | null; variableValues?: Record<string, unknown> | null },
): Promise<string> {
  const digest = await hashSHA256([documentString, operationName ?? '', stringify(variableValues ?? {})].join('|'));
  return `${tag ?? 'none'}.${digest}`;
}

/**
 * Entries only under the current version: a key of another version is neither read (an old
 * ETag gets no 304) nor written (a read that started before a write must not store what it saw
 * under the new version's name).
 */
export function versionedCache(store: Store, currentTag: () => string | undefined): Cache {
  const current = (key: string) => {
    const tag = currentTag();
    return tag !== undefined && key.startsWith(`${tag}.`);
  };
  return {
    get: (key) => {
      // An If-None-Match value comes back quoted, perhaps weak (W/"...").
      const bare = key.replace(/^W\//, '').replaceAll('"', '');
      return current(bare) ? store.cache().get(bare) : null;
    },
    set: (key, result, entities, ttl) => (current(key) ? store.cache().set(key, result, entities, ttl) : undefined),
    invalidate: () => {},
  };
}
