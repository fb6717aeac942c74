import neo4j, { type Driver } from 'neo4j-driver';

/**
 * The graph's version: the bookmark Neo4j gives a read, which names the last transaction the
 * database had committed when the read ran. It changes with every commit, whoever makes it (this
 * server, `npm run import` or `npm run analytics` in another process, a person in Neo4j Browser)
 * and only then, so it tells the response cache when to forget everything without any write path
 * having to remember to say so. Bookmarks are opaque: they are only ever compared for equality.
 * (Neo4j Community reports no `lastCommittedTxn` in SHOW DATABASES; a bookmark is its stand-in.)
 */
export async function readGraphVersion(driver: Driver, database: string): Promise<string> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run('RETURN 1');
  } finally {
    await session.close();
  }
  const bookmarks = session.lastBookmarks();
  if (!bookmarks.length) throw new Error('Neo4j returned no bookmark for a read: the graph version is unknown');
  return bookmarks.join(',');
}
