import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ExplorerOperations from '../../explorer/src/operations.js';
import { CORS_ALLOWED_HEADERS } from '../../src/http/cors.js';
import { EGO_NETWORK } from '../../src/http/example-operations.js';
import { operationId, PERSISTED_OPERATIONS_ONLY, PERSISTED_QUERY_NOT_FOUND } from '../../src/http/persisted-operations.js';
import { CSRF_HEADER } from '../../src/yoga.js';
import { errorCodes, graphql, startObservedServer, type Answer, type ObservedServer } from '../support/hardening.js';

/**
 * What browser clients on other origins and careful clients rely on, over real HTTP: CORS by
 * CORS_ORIGINS, persisted operations (by hash; PERSISTED_OPERATIONS=only), and @defer / @stream
 * answered in parts.
 */

const APP = 'https://app.example.org';
const ADMIN = 'https://admin.example.org';
const STRANGER = 'https://evil.example.net';

/** Defaults of the development profile: any origin, hashes and documents. */
let development: ObservedServer;
/** Production as it might be deployed: two origins, listed operations only. */
let locked: ObservedServer;
/** Production with nothing configured. */
let production: ObservedServer;

// Not about time limits: a read on a machine busy with other suites may take longer than 5 s.
const patient = { NEO4J_READ_TIMEOUT_MS: '30000' };

beforeAll(async () => {
  [development, locked, production] = await Promise.all([
    startObservedServer(patient),
    startObservedServer({ ...patient, PROFILE: 'production', CORS_ORIGINS: `${APP}, ${ADMIN}/`, PERSISTED_OPERATIONS: 'only' }),
    startObservedServer({ ...patient, PROFILE: 'production' }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([development?.close(), locked?.close(), production?.close()]);
});

const lastRequest = (observed: ObservedServer) => observed.requests().at(-1)!;

/** A browser's preflight for a JSON POST carrying the headers clients send (auth, the CSRF header). */
const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization, x-api-key, x-graphql-yoga-csrf',
    },
  });

describe('CORS', () => {
  it('lets a listed origin preflight and read answers, with the headers clients send, and no credentials', async () => {
    for (const origin of [APP, ADMIN]) {
      const response = await preflight(locked.url, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')?.split(/,\s*/)).toContain('POST');
      const allowed = response.headers.get('access-control-allow-headers')?.split(/,\s*/) ?? [];
      for (const header of ['content-type', 'authorization', 'x-api-key', CSRF_HEADER]) expect(allowed).toContain(header);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
    }
    const answer = await graphql(locked.url, ExplorerOperations.SearchAuthors.toString(), { search: 'Baixu' }, { origin: APP });
    expect(answer.body.data.authors.edges[0].node.name).toBe('Baixu Chen');
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(answer.headers.get('access-control-expose-headers')).toBe('x-request-id, x-neo4j-bookmark');
  });

  it('gives an origin that is not listed no CORS header at all (not even `null`)', async () => {
    for (const origin of [STRANGER, 'null', `${APP}:8443`]) {
      const response = await preflight(locked.url, origin);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-headers')).toBeNull();
      const answer = await graphql(locked.url, ExplorerOperations.SearchAuthors.toString(), { search: 'Baixu' }, { origin });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('vary')).toMatch(/\bOrigin\b/);
    }
  });

  it('allows no other origin in production unless CORS_ORIGINS lists it', async () => {
    const response = await preflight(production.url, APP);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await graphql(production.url, '{ __typename }', {}, { origin: APP });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows any origin in development, as before, still without credentials', async () => {
    const response = await preflight(development.url, STRANGER);
    expect(response.status).toBe(204);
    // Yoga answers `*` by naming the origin that asked (and varying on it).
    expect(response.headers.get('access-control-allow-origin')).toBe(STRANGER);
    expect(response.headers.get('access-control-allow-headers')).toBe(CORS_ALLOWED_HEADERS.join(', '));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('persisted operations', () => {
  const postHash = (url: string, sha256Hash: string, variables: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } }, ...extra }),
    }).then(read);
  const getHash = (url: string, sha256Hash: string, variables: Record<string, unknown>) =>
    fetch(`${url}?${new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }), variables: JSON.stringify(variables) })}`, {
      headers: { accept: 'application/graphql-response+json', [CSRF_HEADER]: '1' },
    }).then(read);

  it('runs a listed operation by its hash, over POST and GET, with the answer its document gives', async () => {
    const byDocument = await graphql(development.url, EGO_NETWORK.query, EGO_NETWORK.variables);
    expect(byDocument.body.data.author.egoNetwork.nodes.length).toBeGreaterThan(1);
    for (const server of [development, locked]) {
      const posted = await postHash(server.url, operationId(EGO_NETWORK.query), EGO_NETWORK.variables);
      expect(posted.status).toBe(200);
      expect(posted.body).toEqual(byDocument.body);
      expect(lastRequest(server).operationName).toBe('EgoNetwork');
      const got = await getHash(server.url, operationId(EGO_NETWORK.query), EGO_NETWORK.variables);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(byDocument.body);
    }
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND ("PersistedQueryNotFound", as Apollo clients expect), running nothing', async () => {
    for (const server of [development, locked]) {
      const answer = await postHash(server.url, operationId('query Unknown { __typename }'), {});
      expect(answer.status).toBe(400);
      expect(errorCodes(answer)).toEqual([PERSISTED_QUERY_NOT_FOUND]);
      expect(answer.body.errors![0]!.message).toBe('PersistedQueryNotFound');
      expect(answer.body.data).toBeUndefined();
      expect(lastRequest(server).cypherStatements).toBe(0);
    }
  });

  it('still runs any document by default, and answers a request with neither document nor hash as before', async () => {
    const answer = await graphql(development.url, '{ author(name: "Baixu Chen") { name } }');
    expect(answer.body.data.author.name).toBe('Baixu Chen');
    const empty = await read(
      await fetch(development.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: '{}' }),
    );
    expect(empty.status).toBe(400);
    expect(errorCodes(empty)).toEqual(['BAD_REQUEST']);
    expect(empty.body.errors![0]!.message).toBe('Must provide query string.');
  });

  it('with PERSISTED_OPERATIONS=only, refuses a document that is not listed and runs nothing', async () => {
    const answer = await graphql(locked.url, '{ author(name: "Baixu Chen") { name } }');
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual([PERSISTED_OPERATIONS_ONLY]);
    expect(answer.body.data).toBeUndefined();
    expect(lastRequest(locked).cypherStatements).toBe(0);
    // A listed operation changed by one character is another operation.
    const edited = await graphql(locked.url, EGO_NETWORK.query.replace('depth author { name }', 'depth author { name orcid }'), EGO_NETWORK.variables);
    expect(errorCodes(edited)).toEqual([PERSISTED_OPERATIONS_ONLY]);
  });

  it('with PERSISTED_OPERATIONS=only, runs a listed document sent as text (the explorer sends its own), or with its hash', async () => {
    const searched = await graphql(locked.url, ExplorerOperations.SearchAuthors.toString(), { search: 'Junguang' });
    expect(searched.status).toBe(200);
    expect(searched.body.data.authors.edges[0].node.name).toBe('Junguang Jiang');
    const both = await postHash(locked.url, operationId(ExplorerOperations.SearchAuthors.toString()), { search: 'Junguang' }, { query: ExplorerOperations.SearchAuthors.toString() });
    expect(both.body).toEqual(searched.body);
  });
});

describe('@defer and @stream', () => {
  const multipart = { 'content-type': 'application/json', accept: 'multipart/mixed, application/graphql-response+json' };

  /** The parts of a multipart/mixed answer, in order. */
  async function parts(url: string, query: string, variables: Record<string, unknown>): Promise<Payload[]> {
    const response = await fetch(url, { method: 'POST', headers: multipart, body: JSON.stringify({ query, variables }) });
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    const text = await response.text();
    return text
      .split('\r\n---')
      .filter((part) => part.includes('\r\n\r\n'))
      .map((part) => JSON.parse(part.slice(part.indexOf('\r\n\r\n') + 4)) as Payload);
  }

  const DEFERRED = /* GraphQL */ `
    query Deferred($name: String!) {
      author(name: $name) {
        name
        ... @defer(label: "network") {
          egoNetwork(depth: 1, maxNodes: 50) { nodesTruncated nodes { id depth author { name } } edges { source target sharedPaperCount } }
        }
        ... @defer(label: "metrics") { metrics { paperCount citationCount firstYear lastYear } }
      }
    }`;
  const WHOLE = /* GraphQL */ `
    query Whole($name: String!) {
      author(name: $name) {
        name
        egoNetwork(depth: 1, maxNodes: 50) { nodesTruncated nodes { id depth author { name } } edges { source target sharedPaperCount } }
        metrics { paperCount citationCount firstYear lastYear }
      }
    }`;

  it('sends what is ready first and the deferred fragments after, adding up to the answer without @defer', async () => {
    const whole = await graphql(development.url, WHOLE, { name: 'Baixu Chen' });
    expect(whole.body.errors).toBeUndefined();
    const [initial, ...later] = await parts(development.url, DEFERRED, { name: 'Baixu Chen' });
    expect(initial!.data).toEqual({ author: { name: 'Baixu Chen' } });
    expect(initial!.hasNext).toBe(true);
    expect(later.at(-1)!.hasNext).toBe(false);
    const labels = later.flatMap((payload) => (payload.incremental ?? []).map((item) => item.label));
    expect(labels.sort()).toEqual(['metrics', 'network']);
    expect(assemble([initial!, ...later])).toEqual(whole.body.data);
  });

  it('streams a list after its first items, adding up to the whole list', async () => {
    const streamed = /* GraphQL */ `
      query Streamed($name: String!) {
        author(name: $name) { egoNetwork(depth: 1, maxNodes: 50) { nodes @stream(initialCount: 2) { id depth author { name } } } }
      }`;
    const whole = await graphql(development.url, streamed.replace(' @stream(initialCount: 2)', ''), { name: 'Baixu Chen' });
    const allNodes = whole.body.data.author.egoNetwork.nodes as unknown[];
    expect(allNodes.length).toBeGreaterThan(3);
    const [initial, ...later] = await parts(development.url, streamed, { name: 'Baixu Chen' });
    expect(initial!.data!.author.egoNetwork.nodes).toEqual(allNodes.slice(0, 2));
    expect(later.length).toBeGreaterThan(0);
    expect(later.flatMap((payload) => payload.incremental ?? []).every((item) => Array.isArray(item.items))).toBe(true);
    expect(assemble([initial!, ...later])).toEqual(whole.body.data);
  });

  it('is held to the query limits like any query', async () => {
    // Depth (10) counted through the deferred fragment: author > coauthors > edges > node > coauthors > edges > node > coauthors > edges > node > name.
    const deep = `{ author(name: "Baixu Chen") { ... @defer { coauthors(first: 2) { edges { node { coauthors(first: 2) { edges { node { coauthors(first: 2) { edges { node { name } } } } } } } } } } } }`;
    const tooDeep = await graphql(development.url, deep, {}, { accept: multipart.accept });
    expect(tooDeep.status).toBe(400);
    expect(errorCodes(tooDeep)).toEqual(['QUERY_TOO_COMPLEX']);
    const manyDirectives = `{ author(name: "Baixu Chen") { ${Array.from({ length: 11 }, () => '... @defer { name }').join(' ')} } }`;
    const tooMany = await graphql(development.url, manyDirectives, {}, { accept: multipart.accept });
    expect(errorCodes(tooMany)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(lastRequest(development).cypherStatements).toBe(0);
  });

  it('is refused with PERSISTED_OPERATIONS=only unless listed, like any document', async () => {
    const answer = await graphql(locked.url, DEFERRED, { name: 'Baixu Chen' }, { accept: multipart.accept });
    expect(errorCodes(answer)).toEqual([PERSISTED_OPERATIONS_ONLY]);
  });
});

interface Payload {
  data?: any;
  hasNext?: boolean;
  errors?: unknown[];
  incremental?: { data?: Record<string, unknown>; items?: unknown[]; path: (string | number)[]; label?: string; errors?: unknown[] }[];
}

/** What a client builds from the parts: deferred data merged at its path, streamed items appended to their list. */
function assemble([initial, ...later]: Payload[]): unknown {
  const result = structuredClone(initial!.data);
  const at = (path: (string | number)[]) => path.reduce<any>((node, key) => node[key], result);
  for (const payload of later) {
    expect(payload.errors).toBeUndefined();
    for (const item of payload.incremental ?? []) {
      expect(item.errors).toBeUndefined();
      if (item.items) at(item.path.slice(0, -1)).splice(item.path.at(-1) as number, item.items.length, ...item.items);
      else mergeInto(at(item.path), item.data!);
    }
  }
  return result;
}

function mergeInto(target: Record<string, any>, source: Record<string, any>) {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') mergeInto(target[key], value);
    else target[key] = value;
  }
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, text, headers: response.headers };
}
