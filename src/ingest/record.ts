import { z } from 'zod';

/**
 * One paper as an importer hands it to the writer, whatever the source format: its facts,
 * its byline with whatever identifies each author, and where it came from. Parsers build these;
 * `paperRecordSchema` checks them, so that every format is held to the same rules.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();
/**
 * A fixed node id (generated graphs): the reference is this node and no other, whatever its name
 * says. Not of the form of a name's own node (`author:<name>`, `org:<name>`, identity.ts).
 */
const fixedId = z.string().trim().min(1).max(200).regex(/^(?!author:|org:)/, 'a fixed id cannot start with author: or org:').optional();

const organizationFields = {
  id: fixedId,
  name: text(500),
  ror: optionalText(100),
  openalexId: optionalText(100),
  /** ISO 3166-1 alpha-2. */
  country: optionalText(10),
  city: optionalText(200),
};

/** An institution a unit is part of (PART_OF): itself an organization reference. */
export const recordInstitutionSchema = z.object(organizationFields);

export const recordOrganizationSchema = z.object({
  ...organizationFields,
  /**
   * The institution this organization is a unit of (a department, a lab: affiliations/parse.ts),
   * linked (unit)-[:PART_OF]->(institution). A unit's name is its own ("Department of Physics"),
   * known by it together with its institution's (identity.ts organizationNameKey).
   */
  partOf: recordInstitutionSchema.optional(),
});

export const recordAuthorSchema = z.object({
  id: fixedId,
  name: text(300),
  openalexId: optionalText(100),
  orcid: optionalText(100),
  openreviewId: optionalText(200),
  /** Where the author was for this paper, when the source aligns affiliations with authors. */
  organizations: z.array(recordOrganizationSchema).max(20).default([]),
  /**
   * Whether the source marks this author as a corresponding author of the paper: true, false,
   * or absent when the source says nothing (AUTHORED.corresponding is set only when true).
   */
  corresponding: z.boolean().optional(),
  /** The byline's own spelling (OpenAlex raw_author_name), only when it differs from `name`. */
  rawName: optionalText(1_000),
});

/** A topic node of a hierarchy (OpenAlex subfield, field, domain): no score of its own. */
export const recordTopicNodeSchema = z.object({
  id: text(300),
  scheme: text(50),
  code: optionalText(100),
  name: text(300),
});

export const recordTopicSchema = recordTopicNodeSchema.extend({
  score: z.number().min(0).max(1).optional(),
  /** The paper's primary topic (OpenAlex primary_topic): HAS_TOPIC {primary: true}. */
  primary: z.boolean().optional(),
  /**
   * The topics this one is part of, nearest first (OpenAlex: subfield, field, domain), linked
   * (topic)-[:PART_OF]->(subfield)-[:PART_OF]->(field)-[:PART_OF]->(domain).
   */
  partOf: z.array(recordTopicNodeSchema).max(5).optional(),
});

export const sourceSchema = z.object({ id: text(200), kind: text(50), name: text(300) });

export const paperRecordSchema = z.object({
  source: sourceSchema,
  /** Where in the source this record sits (file and index), for reports. */
  recordId: text(500),
  /** A fixed node id (the project's JSON form); otherwise the writer derives one. */
  id: optionalText(200),
  title: text(2_000),
  year: z.number().int().min(1000).max(2100),
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  venue: optionalText(300),
  abstract: optionalText(100_000),
  doi: optionalText(300),
  arxivId: optionalText(100),
  openreviewId: optionalText(100),
  openalexId: optionalText(100),
  url: optionalText(2_000),
  codeUrl: optionalText(2_000),
  citationCount: z.number().int().min(0).optional(),
  authorListComplete: z.boolean(),
  /** The byline, in order. */
  authors: z.array(recordAuthorSchema).min(1, 'no authors').max(5_000),
  /** Authors on the paper whose byline position the source does not give. */
  otherAuthors: z.array(recordAuthorSchema).max(100).default([]),
  /** Organizations the source gives for the paper as a whole. */
  organizations: z.array(recordOrganizationSchema).max(200).default([]),
  topics: z.array(recordTopicSchema).max(100).default([]),
  /** OpenAlex ids of works this paper cites; linked as CITES once both are in the graph. */
  references: z.array(text(100)).max(5_000).default([]),
});

export type PaperRecord = z.infer<typeof paperRecordSchema>;
export type RecordAuthor = z.infer<typeof recordAuthorSchema>;
export type RecordOrganization = z.infer<typeof recordOrganizationSchema>;
export type RecordInstitution = z.infer<typeof recordInstitutionSchema>;
export type RecordTopic = z.infer<typeof recordTopicSchema>;
export type RecordTopicNode = z.infer<typeof recordTopicNodeSchema>;
export type Source = z.infer<typeof sourceSchema>;

/** What a parser makes of one input item; `dropped` says which byline entries were not names, and why. */
export type Parsed = { record: unknown; dropped?: string[] } | { skipped: string } | { rejected: string };

/** Validates a parsed record; a failure names the first offending field. */
export function checkRecord(input: unknown): { record: PaperRecord } | { rejected: string } {
  const result = paperRecordSchema.safeParse(input);
  if (result.success) return { record: result.data };
  const issue = result.error.issues[0]!;
  return { rejected: `${issue.path.join('.') || 'record'}: ${issue.message}` };
}
