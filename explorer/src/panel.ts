/** The side panel's views: an author, a coauthor link, a path, an organization, an organization link. */
import { byId, counted, figure, h, yearRange } from './dom';
import { reportedFigures } from './reported';
import { reasonsTitle, type SuggestionView } from './suggestions';

export interface PaperItem {
  id: string;
  title: string;
  year: number;
  venue?: string | null;
  url?: string | null;
  authors?: { id: string; name: string }[];
}

const panel = () => byId('panel');

export function showPanel(title: string, ...content: (Node | null)[]) {
  panel().replaceChildren(h('h2', { tabindex: -1 }, title), ...content.filter((node): node is Node => node !== null));
  panel().scrollTop = 0;
}

export const showPanelMessage = (text: string) => panel().replaceChildren(h('p', { class: 'hint' }, text));

export function paperList(papers: PaperItem[], total: number, noun = 'paper') {
  return h(
    'section',
    {},
    h('h3', {}, `${counted(total, noun)}${papers.length < total ? ` (newest ${papers.length})` : ''}`),
    h(
      'ol',
      { class: 'papers' },
      papers.map((paper) =>
        h(
          'li',
          {},
          paper.url ? h('a', { href: paper.url, target: '_blank', rel: 'noopener' }, paper.title) : h('span', { class: 'title' }, paper.title),
          h('small', {}, ` ${[paper.year, paper.venue].filter(Boolean).join(' · ')}`),
          paper.authors ? h('div', { class: 'byline' }, paper.authors.map((author) => author.name).join(', ')) : null,
        ),
      ),
    ),
  );
}

export interface AuthorView {
  id: string;
  name: string;
  orcid: string | null;
  /** Computed from this graph: the papers, and the citations among them, that it holds. */
  metrics: { paperCount: number; citationCount: number; hIndex: number; firstYear: number | null; lastYear: number | null };
  /** What sources said about the author, as they said it (may cover papers this graph lacks). */
  reported: ReportedView[];
  affiliations: {
    paperCount: number;
    firstYear: number | null;
    lastYear: number | null;
    organization: { id: string; name: string; parent: { id: string; name: string } | null } | null;
  }[];
  topics: { paperCount: number; topic: { code: string | null; name: string } | null }[];
  papers: { totalCount: number; edges: { node: PaperItem }[] };
  /** Null until an analytics run (`npm run analytics`) has reached the author. */
  analytics: AnalyticsView | null;
}

export interface ReportedView {
  source: { id: string; name: string; kind: string } | null;
  hIndex: number | null;
  citationCount: number | null;
  paperCount: number | null;
}

/**
 * The author's figures, labelled by where they come from: computed "in this graph", and each
 * source's "reported by" line beside them, so that a profile's h-index of 79 is not read as the
 * graph's (which counts only the citations among the papers it holds).
 */
function figuresSection(author: AuthorView) {
  const { metrics } = author;
  const reported = author.reported
    .map((entry) => ({ source: entry.source?.name ?? 'a source', figures: reportedFigures(entry) }))
    .filter((entry) => entry.figures);
  return h(
    'section',
    { class: 'figures' },
    h('h3', {}, 'In this graph'),
    h(
      'dl',
      { class: 'metrics' },
      h('dt', {}, 'Papers'), h('dd', {}, metrics.paperCount),
      h('dt', { title: 'Citations among the papers this graph holds' }, 'Citations'), h('dd', {}, metrics.citationCount),
      h('dt', { title: 'From the citations among the papers this graph holds' }, 'h-index'), h('dd', {}, metrics.hIndex),
      h('dt', {}, 'Active'), h('dd', {}, yearRange(metrics.firstYear, metrics.lastYear) || '–'),
    ),
    reported.map((entry) =>
      h(
        'p',
        { class: 'reported', title: 'As the source reported it, not recomputed: it may count papers and citations this graph does not hold' },
        `Reported by ${entry.source}: `,
        h('span', { class: 'values' }, entry.figures),
      ),
    ),
  );
}

export interface AnalyticsView {
  communityNumber: number;
  pageRank: number;
  betweenness: number;
  coreNumber: number;
  clustering: number;
  /** Null when the author is alone in the community. */
  community: { id: string; size: number; topAuthors: { name: string }[] } | null;
}

/** The author's place in the coauthor graph, from the stored analytics. */
function analyticsSection(author: AuthorView) {
  const { analytics } = author;
  if (!analytics) return null;
  const { community } = analytics;
  const namedBy = community?.topAuthors[0]?.name;
  const row = (term: string, explanation: string, value: Node | string) => [h('dt', { title: explanation }, term), h('dd', {}, value)];
  return h(
    'section',
    { class: 'analytics' },
    h('h3', {}, 'Collaboration analytics'),
    h(
      'dl',
      { class: 'metrics' },
      row(
        'Community',
        'The community (Leiden, over coauthor links) the author belongs to, named by its top author by PageRank',
        h(
          'span',
          {},
          h('span', { class: 'swatch', 'data-community': analytics.communityNumber, hidden: true }),
          community
            ? `of ${namedBy ?? author.name} · ${community.size.toLocaleString('en')} ${community.size === 1 ? 'author' : 'authors'}`
            : 'the author alone',
        ),
      ),
      row('PageRank', 'PageRank over coauthor links weighted by shared papers (an author with no links has 0.15)', figure(analytics.pageRank)),
      row('Betweenness', 'How many shortest coauthor chains pass through the author (estimated from sampled authors)', figure(analytics.betweenness)),
      row('Core number', 'The largest k such that the author is in the k-core of the coauthor graph', String(analytics.coreNumber)),
      row('Clustering', "The share of the author's coauthor pairs who also wrote together", figure(analytics.clustering)),
    ),
  );
}

export interface Neighbour {
  id: string;
  name: string;
  weight: number;
}

export function showAuthor(author: AuthorView, neighbours: Neighbour[], actions: { openLink(other: string): void; select(other: string): void }) {
  showPanel(
    author.name,
    figuresSection(author),
    analyticsSection(author),
    author.affiliations.length
      ? h(
          'section',
          {},
          h('h3', {}, 'Affiliations over time'),
          h(
            'ul',
            {},
            author.affiliations.map((affiliation) =>
              h(
                'li',
                {},
                affiliation.organization?.name ?? '?',
                // A department or lab: of which institution.
                affiliation.organization?.parent ? `, ${affiliation.organization.parent.name}` : null,
                h('small', {}, ` ${yearRange(affiliation.firstYear, affiliation.lastYear)} · ${counted(affiliation.paperCount, 'paper')}`),
              ),
            ),
          ),
        )
      : null,
    author.topics.length
      ? h(
          'section',
          {},
          h('h3', {}, 'Topics'),
          h('ul', { class: 'chips' }, author.topics.slice(0, 8).map((entry) => h('li', {}, entry.topic?.code ?? entry.topic?.name ?? '?', h('small', {}, ` ${entry.paperCount}`)))),
        )
      : null,
    // Filled by showSuggestions once they arrive: the rest of the panel does not wait for them.
    h('section', { class: 'suggestions', 'data-author': author.id, 'aria-busy': 'true' }, h('h3', {}, 'Suggested collaborators'), h('p', { class: 'hint' }, 'Loading…')),
    paperList(
      author.papers.edges.map((edge) => edge.node),
      author.papers.totalCount,
    ),
    neighbours.length
      ? h(
          'section',
          {},
          h('h3', {}, `Coauthors drawn (${neighbours.length})`),
          h(
            'ul',
            { class: 'neighbours' },
            neighbours.slice(0, 30).map((neighbour) =>
              h(
                'li',
                {},
                h('button', { type: 'button', class: 'link', onclick: () => actions.select(neighbour.id) }, neighbour.name),
                ' ',
                h('button', { type: 'button', class: 'chip', 'aria-label': `Papers shared with ${neighbour.name}`, onclick: () => actions.openLink(neighbour.id) }, `${neighbour.weight} shared`),
              ),
            ),
          ),
        )
      : null,
  );
}

export interface HopView {
  from: { id: string; name: string } | null;
  to: { id: string; name: string } | null;
  paperCount: number;
  papers: PaperItem[];
}

export function showPath(fromName: string, toName: string, hops: HopView[] | null) {
  if (!hops) return showPanel(`No path from ${fromName} to ${toName}`, h('p', {}, 'No chain of coauthors links them within 6 hops.'));
  showPanel(
    `${fromName} → ${toName}: ${hops.length} ${hops.length === 1 ? 'hop' : 'hops'}`,
    h(
      'ol',
      { class: 'hops' },
      hops.map((hop) =>
        h(
          'li',
          {},
          h('strong', {}, `${hop.from?.name ?? '?'} – ${hop.to?.name ?? '?'}`),
          h('small', {}, ` ${hop.paperCount} shared`),
          h('ul', { class: 'papers' }, hop.papers.slice(0, 3).map((paper) => h('li', {}, paper.title, h('small', {}, ` ${paper.year}`)))),
        ),
      ),
    ),
  );
}

export interface SuggestionsView {
  suggestions: SuggestionView[];
  /** The API's candidate caps were hit: other people may rank higher. */
  candidatesTruncated: boolean;
}

/**
 * Lists an author's suggested collaborators in their panel (if it is still shown), each name a
 * button whose title holds the reasons; `draw` puts the person and the path to them in the drawing.
 * A failed request shows its error, with its code, in the section.
 */
export function showSuggestions(authorId: string, result: SuggestionsView | { error: string }, actions: { draw(suggestion: SuggestionView, button: HTMLButtonElement): void }) {
  const section = panel().querySelector<HTMLElement>(`section.suggestions[data-author="${CSS.escape(authorId)}"]`);
  if (!section) return;
  section.removeAttribute('aria-busy');
  const heading = h('h3', {}, 'Suggested collaborators');
  if ('error' in result) return section.replaceChildren(heading, h('p', { class: 'hint', role: 'alert' }, `Suggestions could not be loaded: ${result.error}`));
  if (!result.suggestions.length) return section.replaceChildren(heading, h('p', { class: 'hint' }, 'No suggestions for this author.'));
  const list = h(
    'ol',
    { class: 'suggested' },
    result.suggestions.map((suggestion) => {
      const button = h(
        'button',
        { type: 'button', class: 'link', title: reasonsTitle(suggestion), 'aria-pressed': 'false', onclick: () => actions.draw(suggestion, button) },
        suggestion.author.name,
      );
      return h('li', {}, button, h('small', {}, ` ${suggestion.reasons.summary}`));
    }),
  );
  section.replaceChildren(heading, list);
  if (result.candidatesTruncated) section.append(h('p', { class: 'hint' }, h('small', {}, 'Ranked from a capped set of candidates.')));
}
