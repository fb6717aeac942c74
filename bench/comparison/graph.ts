/**
 * The graph a comparison runs on: the configured Neo4j (NEO4J_URI, else the project's own local
 * instance), a generated graph written when it is not there yet, or the imported paper lists;
 * the pool of authors the queries ask about; and what the report says about the graph.
 */
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../tools/open-database.js';
import { generateGraph, writeGraph } from '../lib/tools.js';

export interface Sample {
  /** ~100 authors with coauthors, spread evenly over the graph's ids. */
  authors: string[];
  /** [author, one of their coauthors]: pairs that share papers. */
  pairs: [string, string][];
  /** [author, another sampled author] joined by a coauthor path of at most 6 hops. */
  paths: [string, string][];
}

export interface Database {
  driver: Driver;
  database: string;
  uri: string;
  user: string;
  password: string;
}

export async function connect(): Promise<Database> {
  const config = loadConfig();
  const { driver, database, uri } = await openDatabase(config);
  return { driver, database, uri, user: config.neo4j.user, password: config.neo4j.password };
}

const count = async (db: Database, query: string, parameters: Record<string, unknown> = {}) => {
  const { records } = await db.driver.executeQuery(query, parameters, { database: db.database });
  return Number(records[0]!.get(0));
};

/**
 * The generator's seed for a prefix: 42 for "gen" (what `npm run generate` writes by default),
 * else one derived from the prefix. Organizations' ROR ids depend on the seed alone, and are
 * unique in the database, so two graphs beside each other need two seeds.
 */
export function seedFor(prefix: string): number {
  if (prefix === 'gen') return 42;
  let hash = 2166136261;
  for (const char of prefix) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash % 1_000_000;
}

/**
 * Writes the generated graph of `authors` authors under `prefix` unless it is there already,
 * judged by its author, paper and citation counts and no author left without summaries (the
 * generator is deterministic, and the importer's writer computes the summaries last). Returns
 * whether it wrote.
 */
export async function ensureGeneratedGraph(db: Database, authors: number, prefix: string, seed: number, log: (line: string) => void) {
  const graph = generateGraph({ authors, prefix, seed });
  const p = `${prefix}:`;
  const present = [
    await count(db, 'MATCH (a:Author) WHERE a.id STARTS WITH $p RETURN count(a)', { p }),
    await count(db, 'MATCH (x:Paper) WHERE x.id STARTS WITH $p RETURN count(x)', { p }),
    await count(db, 'MATCH (x:Paper)-[c:CITES]->() WHERE x.id STARTS WITH $p RETURN count(c)', { p }),
    await count(db, 'MATCH (a:StaleSummary) WHERE a.id STARTS WITH $p RETURN count(a)', { p }),
  ];
  const expected = [graph.authors.length, graph.papers.length, graph.cites.length, 0];
  if (present.every((n, i) => n === expected[i])) return false;
  log(`Writing the generated graph "${prefix}" (${authors} authors, seed ${seed}) into ${db.uri}...`);
  const started = performance.now();
  await writeGraph(db.driver, db.database, graph);
  log(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** The conference paper lists imported with `npm run import -- paperlist`, if there are any. */
export async function hasPaperLists(db: Database) {
  return (await count(db, "MATCH (s:Source {kind: 'conference-paper-list'}) RETURN count(s)")) > 0;
}

/**
 * What the queries ask about: a generated graph (its id prefix), the imported paper lists, or
 * every author of the database (`database`: e.g. the OpenAlex-shaped corpus bench:corpus loads).
 */
export type GraphChoice = { kind: 'generated'; prefix: string } | { kind: 'paperlists' } | { kind: 'database' };

/** The authors to ask about, chosen deterministically: the same graph gives the same pool. */
export async function samplePool(db: Database, graph: GraphChoice, size = 100): Promise<Sample> {
  const run = async (query: string, parameters: Record<string, unknown>) =>
    (await db.driver.executeQuery(query, parameters, { database: db.database, routing: 'READ' })).records;
  const authorsOf = {
    generated: 'MATCH (a:Author) WHERE a.id STARTS WITH $prefix',
    paperlists: "MATCH (a:Author) WHERE EXISTS { (a)-[:AUTHORED]->(:Paper)-[:RECORDED_IN]->(:Source {kind: 'conference-paper-list'}) }",
    database: 'MATCH (a:Author) WHERE a.id IS NOT NULL',
  }[graph.kind];
  const [pool] = await run(
    `${authorsOf} AND EXISTS { (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b:Author) WHERE b <> a }
     WITH a.id AS id ORDER BY id
     WITH collect(id) AS ids
     RETURN [i IN range(0, $size - 1) | ids[toInteger(i * size(ids) / $size)]] AS ids`,
    { prefix: graph.kind === 'generated' ? `${graph.prefix}:` : null, size: Math.trunc(size) },
  );
  const authors = [...new Set((pool!.get('ids') as (string | null)[]).filter((id): id is string => id !== null))];
  if (authors.length === 0) throw new Error('The graph has no authors with coauthors to ask about.');

  const pairRows = await run(
    `UNWIND $ids AS id MATCH (a:Author {id: id})-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b:Author) WHERE b <> a
     RETURN id, min(b.id) AS other ORDER BY id`,
    { ids: authors },
  );
  const pairs = pairRows.map((r) => [r.get('id'), r.get('other')] as [string, string]);

  // Path ends half the pool apart, kept when a path of at most 6 hops joins them.
  const candidates = authors.map((a, i) => [a, authors[(i + Math.floor(authors.length / 2)) % authors.length]!] as [string, string]);
  const paths: [string, string][] = [];
  for (const [a, b] of candidates) {
    const [row] = await run(
      'MATCH (a:Author {id: $a}), (b:Author {id: $b}) MATCH p = shortestPath((a)-[:AUTHORED*..12]-(b)) RETURN length(p) AS steps',
      { a, b },
    );
    if (row && a !== b) paths.push([a, b]);
  }
  // A graph of isolated groups still gets paths: between coauthors, one hop.
  return { authors, pairs, paths: paths.length >= 10 ? paths : [...paths, ...pairs] };
}

/** Node and relationship counts of the whole database and of the graph measured. */
export async function graphFigures(db: Database, graph: GraphChoice) {
  const figures: Record<string, number | string> = {
    databaseNodes: await count(db, 'MATCH (n) RETURN count(n)'),
    databaseRelationships: await count(db, 'MATCH ()-[r]->() RETURN count(r)'),
  };
  if (graph.kind === 'generated') {
    const p = `${graph.prefix}:`;
    figures.authors = await count(db, 'MATCH (a:Author) WHERE a.id STARTS WITH $p RETURN count(a)', { p });
    figures.papers = await count(db, 'MATCH (x:Paper) WHERE x.id STARTS WITH $p RETURN count(x)', { p });
    figures.authored = await count(db, 'MATCH (x:Paper)<-[r:AUTHORED]-() WHERE x.id STARTS WITH $p RETURN count(r)', { p });
  } else if (graph.kind === 'database') {
    figures.authors = await count(db, 'MATCH (a:Author) RETURN count(a)');
    figures.papers = await count(db, 'MATCH (x:Paper) RETURN count(x)');
    figures.authored = await count(db, 'MATCH ()-[r:AUTHORED]->() RETURN count(r)');
  } else {
    const lists = "(:Source {kind: 'conference-paper-list'})";
    figures.papers = await count(db, `MATCH (x:Paper)-[:RECORDED_IN]->${lists} RETURN count(DISTINCT x)`);
    figures.authored = await count(db, `MATCH (x:Paper)-[:RECORDED_IN]->${lists} MATCH (x)<-[r:AUTHORED]-() RETURN count(DISTINCT r)`);
    figures.authors = await count(db, `MATCH (x:Paper)-[:RECORDED_IN]->${lists} MATCH (x)<-[:AUTHORED]-(a) RETURN count(DISTINCT a)`);
  }
  const { records } = await db.driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] + " " + edition', {}, { database: db.database });
  figures.neo4j = String(records[0]!.get(0));
  return figures;
}

/** Deletes a generated graph (the smoke test's), in batches. */
export async function deleteGeneratedGraph(db: Database, prefix: string) {
  // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = db.driver.session({ database: db.database });
  try {
    await session.run(
      'MATCH (n) WHERE n.id STARTS WITH $p OR n.id = $source CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
      { p: `${prefix}:`, source: `source:synthetic-${prefix}` },
    );
  } finally {
    await session.close();
  }
}
