import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, graphDatabaseOn } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/migrate.js';
import { normalizeKey } from '../../src/domain/normalize.js';
import { runImport } from '../../src/ingest/import.js';
import { resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../../tools/local-neo4j/instance.js';
import { projectRoot } from '../../src/paths.js';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';
import { sharedDataDir } from '../../scripts/shared-data.js';
import { ownNeo4jConfig } from '../support/own-neo4j.js';
import { skipWithout } from '../support/requirements.js';

/**
 * Data fidelity (issue 9): all the real paper lists, imported into an empty instance and read back
 * through the GraphQL API, agree with answers computed from the raw files by a script that shares
 * no code with the importer (test/reference/paperlists.py): for a fixed sample of a few hundred
 * names, the papers, and the coauthors with their shared papers, by name key: summed over every
 * author node of the name (placement by evidence may give one name several people, each asked
 * by id; docs/identity.md; how right those people are is what `npm run eval:identity` measures). Runs when
 * SHARED_DATA_DIR (default ../shared/data from the project root) holds paperlists/; without it,
 * it skips saying so, or fails in CI. FIDELITY_LISTS=iclr,icml/icml2019.json narrows it to some
 * lists.
 */

const lists = join(sharedDataDir, 'paperlists');
const skip = skipWithout('the paper-list fidelity test', existsSync(lists) ? undefined : `${lists} is absent (set SHARED_DATA_DIR to the folder holding paperlists/)`);
const paths = process.env.FIDELITY_LISTS ? process.env.FIDELITY_LISTS.split(',').map((path) => join(lists, path.trim())) : [lists];

const local = await ownNeo4jConfig('fidelity');
const database = 'neo4j';

interface Expected {
  name: string;
  key: string;
  papers: number;
  /** Coauthor name key (folded by `spellings`) -> shared papers. */
  coauthorKeys: Record<string, number>;
}
interface Coauthor {
  sharedPaperCount: number;
  node: { name: string };
}
/** What the API answers for a sampled name; `failed` when it could not. */
interface Answer {
  papers?: number;
  coauthors: Coauthor[];
  failed?: string;
}

describe.skipIf(skip)('the real paper lists, read back through the API', () => {
  let driver: Driver;
  let sample: Expected[];
  /** Name key -> the one the reference folds it into, for the few people known by several. */
  let spellings: Record<string, string>;
  const answers = new Map<string, Answer>();

  beforeAll(async () => {
    const script = join(projectRoot, 'test', 'reference', 'paperlists.py');
    const reference = promisify(execFile)('python3', [script, ...paths], { maxBuffer: 256 * 1024 * 1024 });
    await resetLocalNeo4j(local, () => {}); // an empty instance, as a new user has
    await startLocalNeo4j(local, () => {});
    driver = createDriver({ uri: `bolt://127.0.0.1:${local.boltPort}`, user: 'neo4j', password: local.password, database });
    await applySchema(driver, database);
    await runImport(graphDatabaseOn(driver, database), { format: 'paperlist', paths });
    ({ sample, spellings } = JSON.parse((await reference).stdout));
    for (let start = 0; start < sample.length; start += 8) {
      await Promise.all(
        sample.slice(start, start + 8).map(async (expected) => {
          answers.set(expected.key, await ask(expected).catch((error: Error) => ({ coauthors: [], failed: error.message })));
        }),
      );
    }
  }, 30 * 60_000);
  afterAll(async () => {
    await driver?.close();
    await stopLocalNeo4j(local, () => {});
  }, 120_000);

  const yoga = () => createYogaServer({ repositories: createRepositoryFactory(graphDatabaseOn(driver, database)), logger: pino({ level: 'silent' }) });
  async function query<Data>(text: string, variables: Record<string, unknown>): Promise<Data> {
    const response = await yoga().fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text, variables }),
    });
    const body = (await response.json()) as { data: Data; errors?: { message: string; extensions?: { code?: string; candidates?: string[] } }[] };
    if (body.errors) throw Object.assign(new Error(body.errors.map((error) => error.message).join('; ')), { extensions: body.errors[0]!.extensions });
    return body.data;
  }

  const AUTHOR = `query($name: String, $id: ID, $after: String) { author(name: $name, id: $id) {
    papers { totalCount }
    coauthors(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { sharedPaperCount node { name } } } } }`;
  type AuthorPage = { author: null | { papers: { totalCount: number }; coauthors: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Coauthor[] } } };

  /** One author's papers and every coauthor, page by page. */
  async function askOne(by: { name: string } | { id: string }): Promise<Answer> {
    const answer: Answer = { coauthors: [] };
    let after: string | null = null;
    do {
      const { author }: AuthorPage = await query<AuthorPage>(AUTHOR, { ...by, after });
      if (!author) return { ...answer, failed: 'not found' };
      answer.papers = author.papers.totalCount;
      answer.coauthors.push(...author.coauthors.edges);
      after = author.coauthors.pageInfo.hasNextPage ? author.coauthors.pageInfo.endCursor : null;
    } while (after);
    return answer;
  }

  /** The name's papers and coauthors: its one author's, or summed over the authors the name gives (AMBIGUOUS_NAME's candidates). */
  async function ask(expected: Expected): Promise<Answer> {
    try {
      return await askOne({ name: expected.name });
    } catch (error) {
      const candidates = (error as { extensions?: { code?: string; candidates?: string[] } }).extensions;
      if (candidates?.code !== 'AMBIGUOUS_NAME' || !candidates.candidates) throw error;
      const answers = await Promise.all(candidates.candidates.map((id) => askOne({ id })));
      const failed = answers.find((answer) => answer.failed);
      return failed ?? { papers: answers.reduce((sum, answer) => sum + answer.papers!, 0), coauthors: answers.flatMap((answer) => answer.coauthors) };
    }
  }

  /** Graph and files side by side, one line per difference ("" when they agree). */
  function differences(label: string, graph: Map<string, number>, files: Record<string, number>): string[] {
    const quoted = (keys: string[]) => keys.map((key) => `"${key}"`).join(', ');
    const onlyInFiles = Object.keys(files).filter((key) => !graph.has(key));
    const onlyInGraph = [...graph.keys()].filter((key) => !(key in files));
    return [
      ...(onlyInFiles.length ? [`${label} only in the files: ${quoted(onlyInFiles)}`] : []),
      ...(onlyInGraph.length ? [`${label} only in the graph: ${quoted(onlyInGraph)}`] : []),
      ...[...graph].filter(([key, count]) => key in files && files[key] !== count).map(([key, count]) => `shared papers with "${key}": graph ${count}, files ${files[key]}`),
    ];
  }

  /** Fails listing every sampled name whose answers differ, with both answers. */
  function expectAgreement(compare: (expected: Expected, answer: Answer) => string[]) {
    const report = sample.flatMap((expected) => {
      const answer = answers.get(expected.key)!;
      const found = answer.failed
        ? [`query failed: ${answer.failed} (files: ${expected.papers} papers)`]
        : [...(answer.papers !== expected.papers ? [`papers: graph ${answer.papers}, files ${expected.papers}`] : []), ...compare(expected, answer)];
      return found.length ? [`${expected.name} ["${expected.key}"]:\n    ${found.join('\n    ')}`] : [];
    });
    expect(report, `${report.length} of ${sample.length} sampled names disagree with the files:\n  ${report.join('\n  ')}\n`).toEqual([]);
  }

  it('agree by name key for every sampled name: papers, coauthors, shared papers', () => {
    expect(sample.length).toBeGreaterThan(process.env.FIDELITY_LISTS ? 20 : 250);
    expectAgreement((expected, answer) => {
      const graph = new Map<string, number>();
      for (const { node, sharedPaperCount } of answer.coauthors) {
        const key = spellings[normalizeKey(node.name)] ?? normalizeKey(node.name);
        graph.set(key, (graph.get(key) ?? 0) + sharedPaperCount);
      }
      return differences('coauthors', graph, expected.coauthorKeys);
    });
  });
});
