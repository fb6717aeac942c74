import { DEFAULT_MAX_AUTHORS_PER_PAPER } from '../domain/bylines.js';
import type { AuthorMetrics } from '../domain/metrics.js';
import type { AuthorRow, ReportedFiguresRow } from '../repositories/authors.js';
import type { OrganizationRow } from '../repositories/organizations.js';
import type { PaperRow } from '../repositories/papers.js';
import type { SourceRow } from '../repositories/sources.js';
import type { TopicRow } from '../repositories/topics.js';
import type { PageRow } from '../repositories/batch.js';
import { builder } from './builder.js';
import type { Edge } from './pagination.js';

/** Type references shared across entity files, so that no entity file imports another. */
export const AuthorRef = builder.objectRef<AuthorRow>('Author');
export const PaperRef = builder.objectRef<PaperRow>('Paper');
export const OrganizationRef = builder.objectRef<OrganizationRow>('Organization');
export const TopicRef = builder.objectRef<TopicRow>('Topic');
export const SourceRef = builder.objectRef<SourceRow>('Source');
export const MetricsRef = builder.objectRef<AuthorMetrics>('AuthorMetrics');
export const ReportedFiguresRef = builder.objectRef<ReportedFiguresRow>('ReportedFigures');

export interface YearCount {
  year: number;
  paperCount: number;
}
export const YearCountRef = builder.objectRef<YearCount>('YearCount');

/** Facts an edge carries besides its node: how strong and how long a link is. */
export interface LinkFacts {
  sharedPaperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}
export interface MembershipFacts {
  paperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

/** An edge's facts are those of its row (Edge in pagination.ts). */
const fact = <Facts>(edge: unknown) => (edge as Edge<PageRow, unknown>).row as unknown as Facts;

export const PaperConnection = builder.connectionObject({ type: PaperRef, name: 'PaperConnection' });
export const AuthorConnection = builder.connectionObject({ type: AuthorRef, name: 'AuthorConnection' });
export const OrganizationConnection = builder.connectionObject({ type: OrganizationRef, name: 'OrganizationConnection' });
export const TopicConnection = builder.connectionObject({ type: TopicRef, name: 'TopicConnection' });

/** What a coauthor list, ego network or path reports about the papers it left out for their bylines. */
export interface SkippedBylines {
  /** Counted only when a client selects it (a connection's) or read with the answer. */
  skippedPapers: number | (() => Promise<number>);
  maxAuthorsPerPaper: number;
}

/** The descriptions of the two fields, shared by every answer that reports them. */
export const MAX_AUTHORS_PER_PAPER_DESCRIPTION =
  `Papers with more authors than this make no coauthor links: the server's MAX_AUTHORS_PER_PAPER (${DEFAULT_MAX_AUTHORS_PER_PAPER} by default). ` +
  'A 10,000-author consortium byline would otherwise link everyone on it, and cost every query that walks it.';
export const skippedPapersDescription = (whose: string) =>
  `Papers ${whose} left out of these coauthor links because their byline has more than \`maxAuthorsPerPaper\` authors. ` +
  "They are still listed in `Author.papers` and counted in `Author.metrics`, and `Paper.authors` lists their whole byline.";

export const CoauthorConnection = builder.connectionObject(
  {
    type: AuthorRef,
    name: 'CoauthorConnection',
    description: 'Coauthors, most shared papers first, then by name.',
    fields: (t) => ({
      skippedPapers: t.int({
        description: `${skippedPapersDescription('of this author')} Counted only when selected.`,
        resolve: (connection) => {
          const { skippedPapers } = connection as unknown as SkippedBylines;
          return typeof skippedPapers === 'function' ? skippedPapers() : skippedPapers;
        },
      }),
      maxAuthorsPerPaper: t.int({
        description: MAX_AUTHORS_PER_PAPER_DESCRIPTION,
        resolve: (connection) => (connection as unknown as SkippedBylines).maxAuthorsPerPaper,
      }),
    }),
  },
  {
    name: 'CoauthorEdge',
    fields: (t) => ({
      sharedPaperCount: t.int({ description: 'Papers the two wrote together.', resolve: (edge) => fact<LinkFacts>(edge).sharedPaperCount }),
      firstYear: t.int({ description: 'Year of their first shared paper.', nullable: true, resolve: (edge) => fact<LinkFacts>(edge).firstYear }),
      lastYear: t.int({ description: 'Year of their last shared paper.', nullable: true, resolve: (edge) => fact<LinkFacts>(edge).lastYear }),
    }),
  },
);

export const CollaboratorConnection = builder.connectionObject(
  { type: OrganizationRef, name: 'CollaboratorConnection', description: 'Organizations on the same papers, most shared first.' },
  {
    name: 'CollaboratorEdge',
    fields: (t) => ({
      sharedPaperCount: t.int({ description: 'Papers attributed to both organizations.', resolve: (edge) => fact<LinkFacts>(edge).sharedPaperCount }),
      firstYear: t.int({ description: 'Year of their first shared paper.', nullable: true, resolve: (edge) => fact<LinkFacts>(edge).firstYear }),
      lastYear: t.int({ description: 'Year of their last shared paper.', nullable: true, resolve: (edge) => fact<LinkFacts>(edge).lastYear }),
    }),
  },
);

export const MemberConnection = builder.connectionObject(
  { type: AuthorRef, name: 'MemberConnection', description: 'Affiliated authors, most papers first.' },
  {
    name: 'MemberEdge',
    fields: (t) => ({
      paperCount: t.int({ description: 'Papers the author published from this organization.', resolve: (edge) => fact<MembershipFacts>(edge).paperCount }),
      firstYear: t.int({ description: 'Year of the first of those papers.', nullable: true, resolve: (edge) => fact<MembershipFacts>(edge).firstYear }),
      lastYear: t.int({ description: 'Year of the last of those papers.', nullable: true, resolve: (edge) => fact<MembershipFacts>(edge).lastYear }),
    }),
  },
);

export const TopAuthorConnection = builder.connectionObject(
  { type: AuthorRef, name: 'TopAuthorConnection', description: 'Authors with the most papers on a topic first.' },
  {
    name: 'TopAuthorEdge',
    fields: (t) => ({ paperCount: t.int({ description: "The author's papers on this topic.", resolve: (edge) => fact<{ paperCount: number }>(edge).paperCount }) }),
  },
);

builder.objectType(YearCountRef, {
  description: 'Papers in one year.',
  fields: (t) => ({ year: t.exposeInt('year', { description: 'The year.' }), paperCount: t.exposeInt('paperCount', { description: 'Papers published that year.' }) }),
});
