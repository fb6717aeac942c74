import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphDocumentSchema } from '../../src/ingest/graph-document.js';
import { GraphDocumentError, planWrites } from '../../src/ingest/write-graph-document.js';
import { SEED_FILE } from '../../src/ingest/seed.js';

const seed = () => graphDocumentSchema.parse(JSON.parse(readFileSync(SEED_FILE, 'utf8')));

describe('the seed document', () => {
  it('names ten authors and puts Baixu Chen on all six papers', () => {
    const plan = planWrites(seed());
    expect(plan.authors).toHaveLength(10);
    expect(plan.papers).toHaveLength(6);
    for (const paper of plan.papers) expect(paper.authorships.map((a) => a.authorId)).toContain('author:baixu-chen');
  });

  it('keeps byline positions and leaves unknown positions null', () => {
    const plan = planWrites(seed());
    const collapse = plan.papers.find((paper) => paper.id === 'paper:embedding-collapse-2023')!;
    expect(collapse.authorships).toEqual([
      { authorId: 'author:xingzhuo-guo', position: 1 },
      { authorId: 'author:junwei-pan', position: 2 },
      { authorId: 'author:ximei-wang', position: 3 },
      { authorId: 'author:baixu-chen', position: null },
    ]);
    expect(collapse.authorListComplete).toBe(false);
  });

  it('attaches the reported figures to the author they describe', () => {
    const baixu = planWrites(seed()).authors.find((author) => author.id === 'author:baixu-chen');
    expect(baixu?.reported).toEqual({ hIndex: 79, paperCount: 6, citationCount: 347, noveltyPercent: 55, aiScore: 43, primaryTopic: 'arxiv:cs.LG' });
  });
});

describe('graph documents', () => {
  it('reject references to topics or organizations they do not define', () => {
    const document = seed();
    document.papers[0]!.topics = ['arxiv:cs.XX'];
    expect(() => planWrites(document)).toThrow(GraphDocumentError);
  });

  it('reject papers without a byline or with a malformed date', () => {
    const raw = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
    raw.papers[0].byline = [];
    expect(graphDocumentSchema.safeParse(raw).success).toBe(false);
    raw.papers[0].byline = ['Someone'];
    raw.papers[0].publishedOn = 'Oct 6, 2023';
    expect(graphDocumentSchema.safeParse(raw).success).toBe(false);
  });
});
