/**
 * The explorer page: search an author (or organization), draw the network around them, expand
 * it node by node, and read the papers behind any link. Everything it knows comes from the
 * public GraphQL API through the named operations in operations.ts.
 */
import './style.css';
import { request } from './api';
import { byId, counted, h } from './dom';
import {
  addLink,
  addNode,
  API_MAX_NODES,
  assignColours,
  besideOf,
  createNetwork,
  hasCommunities,
  legendText,
  mergeEgoNetwork,
  mergeOrganizationNetwork,
  roomForExpansion,
  DRAW_LIMITS,
  type ColourBy,
} from './network';
import { chooseLabelled } from './labels';
import * as Operations from './operations';
import { paperList, showAuthor, showPanel, showPanelMessage, showPath, showSuggestions, type PaperItem } from './panel';
import { createRenderer } from './renderer';
import { addSuggestionPath, type SuggestionView } from './suggestions';
import { errorText, setStatus, showError, task } from './status';
import { createTimeSlider } from './time-slider';
import { typeahead, type Option } from './typeahead';
import { readView, writeView, type ViewParams } from './url-state';

/** Nodes asked for per expansion: a few hundred draws at once and keeps the layout readable. */
const EXPANSION_NODES = Math.min(300, API_MAX_NODES);

const graph = createNetwork();
let view: ViewParams = readView();
const renderer = createRenderer(byId('graph'), graph, {
  clickNode: (node) => void (view.mode === 'authors' ? selectAuthor(node, { expand: true }) : selectOrganization(node, { reset: false })),
  clickEdge: (edge) => void openLink(...(graph.extremities(edge) as [string, string])),
  clickStage: () => clearSelection(),
});
const timeSlider = createTimeSlider(graph, renderer);

/** Whether anything was left out of the drawing since it was last started afresh. */
let truncated = false;
function afterMerge(leftOut: boolean) {
  truncated ||= leftOut;
  byId('truncated').textContent = truncated
    ? `Truncated: not every coauthor is drawn (at most ${EXPANSION_NODES} per expansion, ${DRAW_LIMITS.nodes.toLocaleString('en')} nodes and ${DRAW_LIMITS.edges.toLocaleString('en')} links in all; the strongest links are kept).`
    : '';
  updateCounts();
  updateLegend();
  updateLabels();
  timeSlider.update();
  renderer.relayout();
}

/**
 * Names every node of a small drawing, and the strongest of a large one (labels.ts says which).
 * No redraw of its own: the graph just changed, and sigma's redraw for that reads the new set.
 */
function updateLabels() {
  renderer.view.labelled = chooseLabelled(graph);
}

function updateCounts() {
  byId('counts').textContent = `${graph.order.toLocaleString('en')} ${view.mode === 'authors' ? 'authors' : 'organizations'}, ${graph.size.toLocaleString('en')} links`;
}

// ---- the author network ----------------------------------------------------------------------

function filters(params: ViewParams) {
  return { minSharedPapers: params.minSharedPapers, yearFrom: params.yearFrom, yearTo: params.yearTo };
}

async function showAuthorNetwork(id: string) {
  const started = performance.now();
  view = { ...view, mode: 'authors', centre: id };
  writeView(view);
  const data = await task('Loading the coauthor network', () =>
    request(Operations.CoauthorNetwork, { id, depth: view.depth, maxNodes: EXPANSION_NODES, ...filters(view) }),
  );
  if (!data) return;
  if (!data.author) return setStatus('error', 'NOT_FOUND: no author has this id.');
  resetGraph();
  const result = mergeEgoNetwork(graph, id, data.author.egoNetwork);
  (byId<HTMLInputElement>('search')).value = data.author.name;
  // Read by the benchmark and the tests: from choosing an author to their network on screen.
  renderer.sigma.once('afterRender', () => (document.body.dataset.firstDrawMs = (performance.now() - started).toFixed(0)));
  afterMerge(result.truncated);
  void selectAuthor(id, { expand: false });
}

async function expand(id: string) {
  if (!graph.hasNode(id) || graph.getNodeAttribute(id, 'expanded')) return;
  const room = roomForExpansion(graph);
  if (room <= 1) return afterMerge(true);
  const data = await task('Expanding', () =>
    request(Operations.CoauthorNetwork, { id, depth: 1, maxNodes: Math.min(EXPANSION_NODES, room), ...filters(view) }),
  );
  if (data?.author) afterMerge(mergeEgoNetwork(graph, id, data.author.egoNetwork).truncated);
}

function neighboursOf(id: string) {
  return graph
    .mapEdges(id, (_edge, attributes, source, target) => {
      const other = source === id ? target : source;
      return { id: other, name: graph.getNodeAttribute(other, 'label'), weight: attributes.weight };
    })
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
}

async function selectAuthor(id: string, { expand: andExpand }: { expand: boolean }) {
  renderer.view.selected = id;
  renderer.view.path = null;
  renderer.refresh();
  const details = task('Loading the author', () => request(Operations.AuthorDetails, { id }));
  // Asked apart: the panel shows without waiting for the ranking, which fills its own section,
  // and a failure of it (say a TIMEOUT) is shown there, leaving the page and the drawing as they are.
  const suggestions = request(Operations.AuthorSuggestions, { id }).then(
    (answer) => answer.author?.suggestedCollaborators ?? { error: 'NOT_FOUND: no author has this id.' },
    (error: unknown) => ({ error: errorText(error) }),
  );
  if (andExpand) await expand(id);
  const data = await details;
  if (!data?.author || renderer.view.selected !== id) return;
  showAuthor(data.author, neighboursOf(id), {
    openLink: (other) => void openLink(id, other),
    select: (other) => {
      renderer.focus(other);
      void selectAuthor(other, { expand: true });
    },
  });
  paintPanelSwatches();
  showSuggestions(id, await suggestions, { draw: (suggestion, button) => void drawSuggestion(suggestion, button) });
}

interface PapersOf {
  name: string;
  papers: { totalCount: number; edges: { node: PaperItem }[] };
}

/** Highlights the link between a and b (authors or organizations) and lists the papers behind it. */
async function openLink(a: string, b: string) {
  const load: () => Promise<{ one: PapersOf | null; otherName: string | undefined }> =
    view.mode === 'authors'
      ? async () => {
          const data = await request(Operations.SharedPapers, { author: a, coauthor: b });
          return { one: data.author, otherName: data.coauthor?.name };
        }
      : async () => {
          const data = await request(Operations.OrganizationLink, { organization: a, other: b });
          return { one: data.organization, otherName: data.other?.name };
        };
  renderer.view.selected = null;
  renderer.view.path = { nodes: new Set([a, b]), edges: new Set(graph.edges(a, b)) };
  renderer.refresh();
  const link = await task('Loading the papers behind the link', load);
  if (!link?.one) return;
  showPanel(
    `${link.one.name} & ${link.otherName ?? '?'}`,
    paperList(link.one.papers.edges.map((edge) => edge.node), link.one.papers.totalCount, 'shared paper'),
  );
}

function clearSelection() {
  renderer.view.selected = null;
  renderer.view.path = null;
  renderer.refresh();
  showPanelMessage('Click an author to expand their coauthors, or a link to list the papers behind it.');
}

function resetGraph() {
  graph.clear();
  for (const colours of Object.values(renderer.view.colours)) colours.clear();
  truncated = false;
  renderer.view.selected = null;
  renderer.view.path = null;
  renderer.view.year = null;
  renderer.view.labelled = new Set();
  renderer.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
}

// ---- suggested collaborators -----------------------------------------------------------------

/**
 * Draws a suggested person and the path the suggestion names (the author, the strongest common
 * coauthor, the suggestion) into the network, and highlights it; each hop's link weighs its
 * shared papers, asked of the API (the suggestion lists the path's authors, not its links).
 */
async function drawSuggestion(suggestion: SuggestionView, button: HTMLButtonElement) {
  const { path } = suggestion;
  const weights = await task('Drawing the suggestion', () =>
    Promise.all(path.slice(1).map(async (author, i) => (await request(Operations.SharedPapers, { author: path[i]!.id, coauthor: author.id, first: 1 })).author?.papers.totalCount ?? 0)),
  );
  if (!weights) return;
  const highlight = addSuggestionPath(graph, path, weights);
  renderer.view.path = highlight;
  afterMerge(false);
  renderer.fit([...highlight.nodes]);
  for (const other of document.querySelectorAll('#panel .suggested button')) other.setAttribute('aria-pressed', String(other === button));
}

// ---- path finder -----------------------------------------------------------------------------

async function findPath(from: string, to: string, toName = 'them') {
  view = { ...view, pathTo: to };
  writeView(view);
  const data = await task('Finding a path', () => request(Operations.CollaborationPath, { from, to }));
  if (!data) return;
  const fromName = graph.hasNode(from) ? graph.getNodeAttribute(from, 'label') : 'this author';
  const path = data.collaborationPath;
  if (!path) return showPath(fromName, toName, null);
  // Authors of the chain that are not drawn yet join the picture beside the one before them.
  path.authors.forEach((author, index) => {
    if (graph.hasNode(author.id)) return;
    const at = besideOf(graph, path.authors[index - 1]?.id ?? null);
    addNode(graph, author.id, { kind: 'author', label: author.name, paperCount: author.metrics.paperCount, organization: null, at });
  });
  for (const { from, to, paperCount } of path.hops) {
    if (from && to && !graph.hasEdge(from.id, to.id)) addLink(graph, from.id, to.id, { sharedPaperCount: paperCount, firstYear: null, lastYear: null });
  }
  const edges = new Set(path.hops.flatMap(({ from, to }) => (from && to ? graph.edges(from.id, to.id) : [])));
  updateLabels();
  renderer.view.selected = null;
  renderer.view.path = { nodes: new Set(path.authors.map((author) => author.id)), edges };
  renderer.refresh();
  renderer.fit([...renderer.view.path.nodes]);
  showPath(fromName, path.authors.at(-1)?.name ?? toName, path.hops);
  updateCounts();
}

// ---- the organization network ----------------------------------------------------------------

/**
 * Whether an institution's departments and labs count as the institution in its figures and links
 * (the API's includeSubUnits; on by default, a box in the panel turns it off).
 */
let countUnits = true;

async function showOrganizationNetwork(id: string, { reset }: { reset: boolean }) {
  view = { ...view, mode: 'organizations', centre: reset ? id : view.centre };
  writeView(view);
  const data = await task('Loading collaborating organizations', () =>
    request(Operations.OrganizationNetwork, { id, includeSubUnits: countUnits }),
  );
  if (!data) return;
  if (!data.organization) return setStatus('error', 'NOT_FOUND: no organization has this id.');
  if (reset) resetGraph();
  afterMerge(mergeOrganizationNetwork(graph, data.organization).truncated);
  return data.organization;
}

/** Shows an organization: with `reset`, as the centre of a new drawing; else added to this one. */
async function selectOrganization(id: string, { reset }: { reset: boolean }) {
  if (!reset) {
    renderer.view.selected = id;
    renderer.view.path = null;
    renderer.refresh();
  }
  const organization = await showOrganizationNetwork(id, { reset });
  // Another click meanwhile wins.
  if (!organization || (!reset && renderer.view.selected !== id)) return;
  renderer.view.selected = id;
  renderer.refresh();
  const open = (other: string) => () => void selectOrganization(other, { reset: true });
  const units = organization.subUnits;
  showPanel(
    organization.name,
    organization.parent
      ? h('p', { class: 'part-of' }, 'Part of ', h('button', { type: 'button', class: 'link', onclick: open(organization.parent.id) }, organization.parent.name))
      : null,
    organization.city || organization.country ? h('p', {}, h('small', {}, [organization.city, organization.country].filter(Boolean).join(', '))) : null,
    h('p', {}, counted(organization.papers.totalCount, 'paper'), units.totalCount && !countUnits ? h('small', {}, ' (its units left out)') : null),
    units.totalCount
      ? h(
          'section',
          { class: 'units' },
          h(
            'label',
            {},
            h('input', {
              type: 'checkbox',
              id: 'count-units',
              checked: countUnits,
              onchange: (event) => {
                countUnits = (event.target as HTMLInputElement).checked;
                void selectOrganization(id, { reset: true });
              },
            }),
            ' Count its units as it',
          ),
          // Units on demand: an institution may have hundreds of departments and labs.
          h(
            'details',
            {},
            h('summary', {}, `Units (${units.totalCount})`),
            h(
              'ul',
              { class: 'neighbours' },
              units.edges.map((edge) =>
                h('li', {}, h('button', { type: 'button', class: 'link', onclick: open(edge.node.id) }, edge.node.name), h('small', {}, ` ${counted(edge.node.papers.totalCount, 'paper')}`)),
              ),
              units.totalCount > units.edges.length ? h('li', {}, h('small', {}, `and ${units.totalCount - units.edges.length} more`)) : null,
            ),
          ),
        )
      : null,
    h(
      'section',
      {},
      h('h3', {}, 'Collaborating organizations'),
      h(
        'ul',
        { class: 'neighbours' },
        organization.collaborators.edges.map((edge) =>
          h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => void openLink(id, edge.node.id) }, edge.node.name), h('small', {}, ` ${edge.sharedPaperCount} shared`)),
        ),
      ),
    ),
  );
}

// ---- legend ----------------------------------------------------------------------------------

/** What the drawing is coloured by: organizations are always coloured by themselves. */
const colourBy = (): ColourBy => (view.mode === 'authors' ? view.colourBy : 'organization');

/** Gives the commonest organizations (or communities) their colours, kept across expansions, and lists them. */
function updateLegend() {
  const by = colourBy();
  renderer.view.colourBy = by;
  const legend = byId('legend');
  legend.setAttribute('aria-label', `Colours: ${by === 'community' ? 'communities' : 'organizations'}`);
  const entries = assignColours(graph, renderer.view.colours[by], by);
  paintPanelSwatches();
  if (by === 'community' && graph.order > 0 && !hasCommunities(graph)) {
    return legend.replaceChildren(h('li', { class: 'hint' }, 'No analytics yet: run ', h('code', {}, 'npm run analytics')));
  }
  legend.replaceChildren(...entries.map((entry) => h('li', {}, h('span', { class: 'swatch', style: `background:${entry.color}` }), legendText(entry, by))));
}

/** The panel's community swatch shows the community's colour while the drawing is coloured by community. */
function paintPanelSwatches() {
  for (const swatch of document.querySelectorAll<HTMLElement>('#panel .swatch[data-community]')) {
    const colour = colourBy() === 'community' ? renderer.view.colours.community.get(swatch.dataset.community!) : undefined;
    swatch.hidden = !colour;
    swatch.style.background = colour ?? '';
  }
}

// ---- controls --------------------------------------------------------------------------------

const searchAuthors = async (text: string, signal: AbortSignal): Promise<Option[]> =>
  (await request(Operations.SearchAuthors, { search: text }, signal)).authors.edges.map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: counted(node.metrics.paperCount, 'paper'),
  }));
const searchOrganizations = async (text: string, signal: AbortSignal): Promise<Option[]> =>
  (await request(Operations.SearchOrganizations, { search: text }, signal)).organizations.edges.map(
    // A unit says whose it is: "Department of Physics" of which university.
    ({ node }) => ({ id: node.id, label: node.name, detail: [node.parent?.name, counted(node.papers.totalCount, 'paper')].filter(Boolean).join(' · ') }),
  );

typeahead({
  input: byId<HTMLInputElement>('search'),
  list: byId<HTMLUListElement>('search-results'),
  search: (text, signal) => (view.mode === 'authors' ? searchAuthors(text, signal) : searchOrganizations(text, signal)),
  choose: (option) => {
    if (view.mode === 'authors') void showAuthorNetwork(option.id);
    else void selectOrganization(option.id, { reset: true });
  },
  onError: showError,
});
typeahead({
  input: byId<HTMLInputElement>('path-to'),
  list: byId<HTMLUListElement>('path-results'),
  search: searchAuthors,
  choose: (option) => {
    const from = view.centre;
    if (!from || view.mode !== 'authors') return setStatus('error', 'BAD_USER_INPUT: choose an author to start from first.');
    void findPath(from, option.id, option.label);
  },
  onError: showError,
});

const modeButtons = document.querySelectorAll<HTMLButtonElement>('[data-mode]');
function setMode(mode: ViewParams['mode']) {
  for (const button of modeButtons) button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
  document.body.dataset.mode = mode;
  byId('search-label').textContent = mode === 'authors' ? 'Author' : 'Organization';
  byId<HTMLInputElement>('search').placeholder = mode === 'authors' ? 'e.g. Baixu Chen' : 'e.g. tencent';
}
for (const button of modeButtons) {
  button.addEventListener('click', () => {
    const mode = button.dataset.mode as ViewParams['mode'];
    if (mode === view.mode) return;
    view = { ...view, mode, centre: null, pathTo: null };
    writeView(view);
    setMode(mode);
    resetGraph();
    afterMerge(false);
    byId<HTMLInputElement>('search').value = '';
    showPanelMessage(mode === 'authors' ? 'Search an author to draw their coauthors.' : 'Search an organization to draw the organizations it publishes with.');
  });
}

const filterForm = byId<HTMLFormElement>('filters');
const numberOrNull = (name: string) => {
  const value = (filterForm.elements.namedItem(name) as HTMLInputElement).value;
  return value === '' ? null : Number(value);
};
function fillFilters(params: ViewParams) {
  const set = (name: string, value: number | null) => ((filterForm.elements.namedItem(name) as HTMLInputElement).value = value == null ? '' : String(value));
  set('depth', params.depth);
  set('min', params.minSharedPapers);
  set('from', params.yearFrom);
  set('to', params.yearTo);
}
filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  view = { ...view, depth: numberOrNull('depth') ?? 1, minSharedPapers: numberOrNull('min') ?? 1, yearFrom: numberOrNull('from'), yearTo: numberOrNull('to') };
  writeView(view);
  if (view.mode === 'authors' && view.centre) void showAuthorNetwork(view.centre);
});

const colourSelect = byId<HTMLSelectElement>('colour-by');
colourSelect.addEventListener('change', () => {
  view = { ...view, colourBy: colourSelect.value === 'community' ? 'community' : 'organization' };
  writeView(view);
  updateLegend();
  renderer.refresh();
});

// ---- start: restore the view the URL describes -----------------------------------------------

setMode(view.mode);
fillFilters(view);
colourSelect.value = view.colourBy;
updateLegend();
timeSlider.update();
setStatus('idle');
if (view.centre && view.mode === 'authors') {
  void showAuthorNetwork(view.centre).then(() => (view.pathTo && view.centre ? findPath(view.centre, view.pathTo) : undefined));
} else if (view.centre) {
  void selectOrganization(view.centre, { reset: true });
} else showPanelMessage('Search an author to draw their coauthors.');

/** For tests and the benchmark: the page's own state and actions. */
Object.assign(window, { explorer: { graph, sigma: renderer.sigma, showAuthorNetwork, expand, findPath } });
