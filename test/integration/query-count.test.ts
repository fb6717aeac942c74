import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { generateGraph, type SyntheticGraph } from '../../tools/synthetic/generate.js';
import { writeGraph } from '../../tools/synthetic/write.js';
import { createYogaServer } from '../../src/yoga.js';
import { testDatabase, testDriver } from '../support/server.js';
import { graphDatabaseOn } from '../../src/db/driver.js';

/**
 * Counts the Cypher statements a request really sends, at the driver: the number must follow
 * the nesting depth of the query, the same for 1 author as for 100.
 */

let driver: Driver;
let graph: SyntheticGraph;

beforeAll(async () => {
  driver = testDriver();
  graph = generateGraph({ authors: 300, prefix: 'qc', seed: 11 });
  await writeGraph(driver, testDatabase(), graph);
}, 120_000);
afterAll(() => driver?.close());

/** The real driver, with every statement a session runs (auto-commit or in a transaction) counted. */
function countingDriver(real: Driver) {
  const counter = { statements: 0 };
  const countRuns = <Runner extends Session | ManagedTransaction>(runner: Runner): Runner =>
    new Proxy(runner, {
      get: (target, property) =>
        property === 'run'
          ? (...args: Parameters<Runner['run']>) => (counter.statements++, (target.run as (...a: unknown[]) => unknown)(...args))
          : Reflect.get(target, property),
    });
  const session = (config: Parameters<Driver['session']>[0]): Session => {
    const real_ = countRuns(real.session(config));
    return new Proxy(real_, {
      get: (target, property) =>
        property === 'executeRead'
          ? (work: (tx: ManagedTransaction) => Promise<unknown>, txConfig?: object) => target.executeRead((tx) => work(countRuns(tx)), txConfig)
          : (Reflect.get(target, property) as unknown),
    });
  };
  const wrapped = new Proxy(real, { get: (target, property) => (property === 'session' ? session : Reflect.get(target, property)) });
  return { driver: wrapped, counter };
}

const QUERY = /* GraphQL */ `
  query Authors($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Author {
        name
        affiliations { organization { name } }
        coauthors(first: 10) {
          totalCount
          edges { sharedPaperCount node { name affiliations { paperCount organization { name } } } }
        }
      }
    }
  }
`;

/** The same, with what the coauthor pages left out for too long a byline (src/schema/refs.ts). */
const QUERY_WITH_SKIPPED = QUERY.replace('totalCount', 'totalCount skippedPapers maxAuthorsPerPaper');

async function statementsFor(authorIds: string[], query = QUERY) {
  const { driver: counted, counter } = countingDriver(driver);
  const yoga = createYogaServer({ repositories: createRepositoryFactory(graphDatabaseOn(counted, testDatabase())), logger: pino({ level: 'silent' }) });
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { ids: authorIds.map((id) => encodeGlobalID('Author', id)) } }),
  });
  const body = (await response.json()) as { errors?: unknown; data: { nodes: { coauthors: { edges: unknown[] } }[] } };
  expect(body.errors).toBeUndefined();
  return { statements: counter.statements, nodes: body.data.nodes };
}

describe('Cypher statements per request', () => {
  it('are as many for 100 authors with their coauthors and affiliations as for 1', async () => {
    const withCoauthors = [...new Set(graph.authored.map((a) => a.authorId))].slice(0, 100);
    const one = await statementsFor(withCoauthors.slice(0, 1));
    const hundred = await statementsFor(withCoauthors);
    expect(hundred.nodes).toHaveLength(100);
    expect(hundred.nodes.every((node) => node.coauthors.edges.length > 0)).toBe(true);
    // One statement per level of lists the query reaches: nodes, their affiliations, coauthor
    // pages, their counts, the coauthors' affiliations. Organizations and coauthors come with the
    // rows that name them (they prime the loaders), so they cost none.
    expect(one.statements).toBe(5);
    expect(hundred.statements).toBe(one.statements);
  });

  it('count what huge bylines left out in one statement more, for 1 author as for 100', async () => {
    const withCoauthors = [...new Set(graph.authored.map((a) => a.authorId))].slice(0, 100);
    const one = await statementsFor(withCoauthors.slice(0, 1), QUERY_WITH_SKIPPED);
    const hundred = await statementsFor(withCoauthors, QUERY_WITH_SKIPPED);
    expect(one.statements).toBe(6);
    expect(hundred.statements).toBe(one.statements);
  });
});
