import type { Driver } from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import { authorIdFromName, normalizeKey } from '../domain/normalize.js';
import { graphDocumentSchema, type GraphDocument } from './graph-document.js';

const statements = {
  source: cypher('write/source'),
  topics: cypher('write/topics'),
  organizations: cypher('write/organizations'),
  authors: cypher('write/authors'),
  papers: cypher('write/papers'),
};

export class GraphDocumentError extends Error {
  override name = 'GraphDocumentError';
}

/** Turns a document into the parameters of the write statements; throws on dangling references. */
export function planWrites(document: GraphDocument) {
  const topicIds = new Set(document.topics.map((topic) => topic.id));
  const organizationIds = new Set(document.organizations.map((org) => org.id));
  const reported = new Map(document.authors.map((author) => [normalizeKey(author.name), author.reported]));
  const authors = new Map<string, { id: string; name: string; nameKey: string; reported: unknown }>();
  const addAuthor = (name: string) => {
    const nameKey = normalizeKey(name);
    if (!nameKey) throw new GraphDocumentError(`author name "${name}" has no letters or digits`);
    const id = authorIdFromName(name);
    if (!authors.has(id)) authors.set(id, { id, name: name.trim(), nameKey, reported: reported.get(nameKey) ?? null });
    return id;
  };

  const papers = document.papers.map((paper) => {
    for (const topic of paper.topics) {
      if (!topicIds.has(topic)) throw new GraphDocumentError(`paper ${paper.id}: unknown topic ${topic}`);
    }
    for (const org of paper.organizations) {
      if (!organizationIds.has(org)) throw new GraphDocumentError(`paper ${paper.id}: unknown organization ${org}`);
    }
    const positioned = paper.byline.map((name, index) => ({ authorId: addAuthor(name), position: index + 1 }));
    const listed = new Set(positioned.map((authorship) => authorship.authorId));
    const unpositioned = paper.otherAuthors
      .map((name) => ({ authorId: addAuthor(name), position: null }))
      .filter((authorship) => !listed.has(authorship.authorId));
    return {
      ...paper,
      titleKey: normalizeKey(paper.title),
      abstract: paper.abstract ?? null,
      codeUrl: paper.codeUrl ?? null,
      authorships: [...positioned, ...unpositioned],
    };
  });
  for (const author of document.authors) addAuthor(author.name);

  return {
    source: document.source,
    topics: document.topics,
    organizations: document.organizations.map((org) => ({ ...org, nameKey: normalizeKey(org.name) })),
    authors: [...authors.values()],
    papers,
  };
}

/** Writes a whole document in one transaction: all of it lands or none. Safe to repeat. */
export async function writeGraphDocument(driver: Driver, database: string, input: unknown): Promise<void> {
  const document = graphDocumentSchema.parse(input);
  const plan = planWrites(document);
  const sourceId = plan.source.id;
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(statements.source, { source: plan.source });
      await tx.run(statements.topics, { topics: plan.topics });
      await tx.run(statements.organizations, { organizations: plan.organizations });
      await tx.run(statements.authors, { authors: plan.authors, sourceId });
      await tx.run(statements.papers, { papers: plan.papers, sourceId });
    });
  } finally {
    await session.close();
  }
}
