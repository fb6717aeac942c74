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
 * names, the papers, and the coauthors with their shared papers (a coauthor is an OpenReview id,
 * or the name key of someone without one, as the importer identifies people). Runs when
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
  /** Coauthors whose shared papers are also counted with `papers(sharedWith:)`. */
  sharedChecks: string[];
}
interface Coauthor {
  sharedPaperCount: number;
  node: { id: string; name: string; openreviewId: string | null };
}

/** The name key rule, written out again here so that the API's names fold as the script's do. */
const nameKey = (name: string) =>
  name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** A coauthor in the script's terms. */
const personOf = ({ node }: Coauthor) => node.openreviewId ?? nameKey(node.name);

describe.skipIf(!present)('the real paper lists, read back through the API', () => {
  let driver: Driver;
  let sample: Expected[];

  beforeAll(async () => {
    const script = join(projectRoot, 'test', 'reference', 'paperlists.py');
    const reference = promisify(execFile)('python3', [script, ...paths], { maxBuffer: 256 * 1024 * 1024 });
    await resetLocalNeo4j(local, () => {}); // an empty instance, as a new user has
    await startLocalNeo4j(local, () => {});
    driver = createDriver({ uri: `bolt://127.0.0.1:${local.boltPort}`, user: 'neo4j', password: local.password, database });
    await applySchema(driver, database);
    await runImport(driver, database, { format: 'paperlist', paths });
    sample = JSON.parse((await reference).stdout).sample;
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

  /** What the API says of one sampled name, in the script's terms; the differences, one line each. */
  async function disagreements(expected: Expected): Promise<string[]> {
    const coauthors: Coauthor[] = [];
    let papers: number | undefined;
    let after: string | null = null;
    do {
      const { author }: AuthorPage = await query<AuthorPage>(AUTHOR, { name: expected.name, after });
      if (!author) return [`not found (files: ${expected.papers} papers)`];
      papers = author.papers.totalCount;
      coauthors.push(...author.coauthors.edges);
      after = author.coauthors.pageInfo.hasNextPage ? author.coauthors.pageInfo.endCursor : null;
    } while (after);

    const found: string[] = [];
    if (papers !== expected.papers) found.push(`papers: graph ${papers}, files ${expected.papers}`);
    const graph = new Map<string, number>();
    for (const coauthor of coauthors) {
      const key = personOf(coauthor);
      if (graph.has(key)) found.push(`two coauthors are "${key}" in the graph`);
      graph.set(key, coauthor.sharedPaperCount);
    }
    const onlyInFiles = Object.keys(expected.coauthors).filter((key) => !graph.has(key));
    const onlyInGraph = [...graph.keys()].filter((key) => !(key in expected.coauthors));
    if (onlyInFiles.length) found.push(`coauthors only in the files: ${onlyInFiles.map((key) => `"${key}"`).join(', ')}`);
    if (onlyInGraph.length) found.push(`coauthors only in the graph: ${onlyInGraph.map((key) => `"${key}"`).join(', ')}`);
    for (const [key, count] of graph) {
      const want = expected.coauthors[key];
      if (want !== undefined && want !== count) found.push(`shared papers with "${key}": graph ${count}, files ${want}`);
    }

    // The same figure another way: papers(sharedWith:) for the strongest few coauthors.
    const checks = expected.sharedChecks.flatMap((key) => coauthors.filter((c) => personOf(c) === key).map((c) => ({ key, id: c.node.id })));
    if (checks.length) {
      const fields = checks.map((_, i) => `c${i}: papers(sharedWith: [$c${i}]) { totalCount }`).join(' ');
      const variables = Object.fromEntries(checks.map((check, i) => [`c${i}`, check.id]));
      const declared = checks.map((_, i) => `$c${i}: ID!`).join(', ');
      const { author } = await query<{ author: Record<string, { totalCount: number }> }>(
        `query($name: String!, ${declared}) { author(name: $name) { ${fields} } }`,
        { name: expected.name, ...variables },
      );
      checks.forEach(({ key }, i) => {
        const count = author[`c${i}`]!.totalCount;
        if (count !== expected.coauthors[key]) found.push(`papers(sharedWith: "${key}"): graph ${count}, files ${expected.coauthors[key]}`);
      });
    }
    return found;
  }

  it('agree with the independent answers for every sampled name: papers, coauthors, shared papers', async () => {
    expect(sample.length).toBeGreaterThan(process.env.FIDELITY_LISTS ? 20 : 250);
    const report: string[] = [];
    for (let start = 0; start < sample.length; start += 8) {
      await Promise.all(
        sample.slice(start, start + 8).map(async (expected) => {
          const found = await disagreements(expected).catch((error: Error) => [`query failed: ${error.message}`]);
          if (found.length) report.push(`${expected.name} ["${expected.key}"]:\n    ${found.join('\n    ')}`);
        }),
      );
    }
    expect(report, `${report.length} of ${sample.length} sampled names disagree with the files:\n  ${report.sort().join('\n  ')}\n`).toEqual([]);
  }, 10 * 60_000);
});
