import { z } from 'zod';

/**
 * The project's own JSON form of a piece of the graph (the seed uses it; importers of other
 * formats produce it). Authors are referred to by name in a paper's byline, in byline order.
 */

const id = z.string().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const reportedMetricsSchema = z
  .object({
    hIndex: z.number().int().nonnegative(),
    paperCount: z.number().int().nonnegative(),
    citationCount: z.number().int().nonnegative(),
    noveltyPercent: z.number().min(0).max(100),
    aiScore: z.number(),
    primaryTopic: id,
  })
  .partial()
  .strict();

export const graphDocumentSchema = z
  .object({
    /** Where these facts come from; every paper and reported figure is recorded against it. */
    source: z.object({ id, kind: z.string().min(1), name: z.string().min(1) }).strict(),
    topics: z
      .array(z.object({ id, code: z.string().min(1), name: z.string().min(1), scheme: z.string().min(1) }).strict())
      .default([]),
    organizations: z.array(z.object({ id, name: z.string().min(1) }).strict()).default([]),
    /** Extra facts about authors named in bylines: figures the source reported about them. */
    authors: z.array(z.object({ name: z.string().min(1), reported: reportedMetricsSchema.optional() }).strict()).default([]),
    papers: z.array(
      z
        .object({
          id,
          title: z.string().min(1).max(2_000),
          publishedOn: isoDate,
          /** Named authors in byline order (position 1, 2, ...). */
          byline: z.array(z.string().min(1).max(300)).min(1),
          /** Authors known to be on the paper at an unknown byline position. */
          otherAuthors: z.array(z.string().min(1).max(300)).default([]),
          /** False where the source truncated the byline ("et al."). */
          authorListComplete: z.boolean(),
          topics: z.array(id).default([]),
          organizations: z.array(id).default([]),
          abstract: z.string().max(100_000).optional(),
          codeUrl: z.string().url().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type GraphDocument = z.infer<typeof graphDocumentSchema>;
