import { graphDocumentSchema, type GraphDocument } from '../graph-document.js';
import type { Parsed } from '../record.js';

/**
 * The project's own JSON form (what the seed uses; see README): its papers become records like
 * any other source's, so they meet the same identity rules. Reported figures are written after.
 */
export function parseGraphDocument(input: unknown, file: string): { items: Parsed[]; document?: GraphDocument } {
  const parsed = graphDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { items: [{ rejected: `${file}: ${issue.path.join('.')}: ${issue.message}` }] };
  }
  const document = parsed.data;
  const topics = new Map(document.topics.map((topic) => [topic.id, topic]));
  const organizations = new Map(document.organizations.map((org) => [org.id, org]));
  const items = document.papers.map((paper, index): Parsed => {
    const missing = [...paper.topics.filter((id) => !topics.has(id)), ...paper.organizations.filter((id) => !organizations.has(id))];
    if (missing.length) return { rejected: `paper ${paper.id}: unknown topic or organization ${missing.join(', ')}` };
    return {
      record: {
        source: document.source,
        recordId: `${file}#${index}`,
        id: paper.id,
        title: paper.title,
        year: Number(paper.publishedOn.slice(0, 4)),
        publishedOn: paper.publishedOn,
        abstract: paper.abstract,
        codeUrl: paper.codeUrl,
        authorListComplete: paper.authorListComplete,
        authors: paper.byline.map((name) => ({ name })),
        otherAuthors: paper.otherAuthors.filter((name) => !paper.byline.includes(name)).map((name) => ({ name })),
        organizations: paper.organizations.map((id) => ({ name: organizations.get(id)!.name })),
        topics: paper.topics.map((id) => topics.get(id)!),
      },
    };
  });
  return { items, document };
}
