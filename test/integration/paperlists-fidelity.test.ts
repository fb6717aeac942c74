import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/migrate.js';
import { runImport } from '../../src/ingest/import.js';
import { resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/instance.js';
import { projectRoot } from '../../src/local-neo4j/paths.js';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';

/**
 * Data fidelity (issue 9): all the real paper lists, imported into an empty instance and read back
 * through the GraphQL API, agree with answers computed from the raw files by a script that shares
 * no code with the importer (test/reference/paperlists.py): for a fixed sample of a few hundred
 * names, the papers, and the coauthors with their shared papers: once by name key, and once person
 * by person (an OpenReview id, or the name key of someone without one, as the importer identifies
 * people), which also catches papers given to the wrong one of several same-named people. Runs when
 * SHARED_DATA_DIR (default ../shared/data from the project root) holds paperlists/, and skips,
 * saying so, when it does not. FIDELITY_LISTS=iclr,icml/icml2019.json narrows it to some lists.
 */

const shared = resolve(projectRoot, process.env.SHARED_DATA_DIR || join('..', 'shared', 'data'));
const lists = join(shared, 'paperlists');
const present = existsSync(lists);
if (!present) console.warn(`Skipping the paper-list fidelity test: ${lists} is absent (set SHARED_DATA_DIR to the folder holding paperlists/).`);
const paths = process.env.FIDELITY_LISTS ? process.env.FIDELITY_LISTS.split(',').map((path) => join(lists, path.trim())) : [lists];

const local = { ...loadConfig().localNeo4j, instance: 'fidelity-test', boltPort: 7695, httpPort: 7482 };
const database = 'neo4j';

interface Expected {
  name: string;
  key: string;
  papers: number;
  /** Coauthor (OpenReview id, else name key) -> shared papers. */
  coauthors: Record<string, number>;
  /** Coauthor name key (folded by `spellings`) -> shared papers. */
  coauthorKeys: Record<string, number>;
  /** Coauthors whose shared papers are also counted with `papers(sharedWith:)`. */
  sharedChecks: string[];
}
interface Coauthor {
  sharedPaperCount: number;
  node: { id: string; name: string; openreviewId: string | null };
}
/** What the API answers for a sampled name; `failed` when it could not. */
interface Answer {
  papers?: number;
  coauthors: Coauthor[];
  /** `papers(sharedWith:)` for the coauthors in `sharedChecks`, by person. */
  sharedWith: Record<string, number[]>;
  failed?: string;
}

/** The name key rule, written out again here so that the API's names fold as the script's do. */
const nameKey = (name: string) =>
  name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** A coauthor in the script's terms. */
const personOf = ({ node }: Coauthor) => node.openreviewId ?? nameKey(node.name);

describe.skipIf(!present)('the real paper lists, read back through the API', () => {
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
    await runImport(driver, database, { format: 'paperlist', paths });
    ({ sample, spellings } = JSON.parse((await reference).stdout));
    for (let start = 0; start < sample.length; start += 8) {
      await Promise.all(
        sample.slice(start, start + 8).map(async (expected) => {
          answers.set(expected.key, await ask(expected).catch((error: Error) => ({ coauthors: [], sharedWith: {}, failed: error.message })));
        }),
      );
    }
  }, 30 * 60_000);
  afterAll(async () => {
    await driver?.close();
    await stopLocalNeo4j(local, () => {});
  }, 120_000);

  const yoga = () => createYogaServer({ repositories: createRepositoryFactory(driver, database), logger: pino({ level: 'silent' }) });
  async function query<Data>(text: string, variables: Record<string, unknown>): Promise<Data> {
    const response = await yoga().fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text, variables }),
    });
    const body = (await response.json()) as { data: Data; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data;
  }

  const AUTHOR = `query($name: String!, $after: String) { author(name: $name) {
    papers { totalCount }
    coauthors(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { sharedPaperCount node { id name openreviewId } } } } }`;
  type AuthorPage = { author: null | { papers: { totalCount: number }; coauthors: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Coauthor[] } } };

  /** The author's papers and every coauthor (page by page), then papers(sharedWith:) for a few. */
  async function ask(expected: Expected): Promise<Answer> {
    const answer: Answer = { coauthors: [], sharedWith: {} };
    let after: string | null = null;
    do {
      const { author }: AuthorPage = await query<AuthorPage>(AUTHOR, { name: expected.name, after });
      if (!author) return { ...answer, failed: 'not found' };
      answer.papers = author.papers.totalCount;
      answer.coauthors.push(...author.coauthors.edges);
      after = author.coauthors.pageInfo.hasNextPage ? author.coauthors.pageInfo.endCursor : null;
    } while (after);

    const checks = answer.coauthors.filter((coauthor) => expected.sharedChecks.includes(personOf(coauthor)));
    if (checks.length) {
      const declared = checks.map((_, i) => `$c${i}: ID!`).join(', ');
      const fields = checks.map((_, i) => `c${i}: papers(sharedWith: [$c${i}]) { totalCount }`).join(' ');
      const { author } = await query<{ author: Record<string, { totalCount: number }> }>(`query($name: String!, ${declared}) { author(name: $name) { ${fields} } }`, {
        name: expected.name,
        ...Object.fromEntries(checks.map((coauthor, i) => [`c${i}`, coauthor.node.id])),
      });
      checks.forEach((coauthor, i) => (answer.sharedWith[personOf(coauthor)] ??= []).push(author[`c${i}`]!.totalCount));
    }
    return answer;
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
        const key = spellings[nameKey(node.name)] ?? nameKey(node.name);
        graph.set(key, (graph.get(key) ?? 0) + sharedPaperCount);
      }
      return differences('coauthors', graph, expected.coauthorKeys);
    });
  });

  it('agree person by person (OpenReview id first) for every sampled name, papers(sharedWith:) included', () => {
    expectAgreement((expected, answer) => {
      const graph = new Map<string, number>();
      const twice = answer.coauthors.map(personOf).filter((person, i, all) => all.indexOf(person) !== i);
      for (const coauthor of answer.coauthors) graph.set(personOf(coauthor), coauthor.sharedPaperCount);
      return [
        ...twice.map((person) => `two coauthors are "${person}" in the graph`),
        ...differences('coauthors', graph, expected.coauthors),
        ...Object.entries(answer.sharedWith).flatMap(([person, counts]) =>
          counts.filter((count) => count !== expected.coauthors[person]).map((count) => `papers(sharedWith: "${person}"): graph ${count}, files ${expected.coauthors[person]}`),
        ),
      ];
    });
  });
});
