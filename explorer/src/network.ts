/**
 * The drawn coauthor network as a graphology graph: what each node and edge carries, how a
 * fetched ego network merges into it (new nodes placed beside the author they came from, so an
 * expansion adds to the picture instead of redrawing it), and the caps that keep it drawable.
 */
import { UndirectedGraph } from 'graphology';

/** What WebGL draws smoothly (sigma's own guidance): beyond this the page stops adding and says so. */
export const DRAW_LIMITS = { nodes: 10_000, edges: 100_000 };
/** The API's cap on one ego network's nodes (`egoNetwork(maxNodes:)` is at most 500). */
export const API_MAX_NODES = 500;

export interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  paperCount: number;
  organization: string | null;
  organizationName: string | null;
  /** The author's community number in the served analytics run; null before any run reached them. */
  community: number | null;
  /** Who names the community: its top author by PageRank (the author alone when it has no other member). */
  communityName: string | null;
  /** The earliest year of any drawn link, for the time slider. */
  firstYear: number | null;
  expanded: boolean;
  kind: 'author' | 'organization';
}

export interface EdgeAttributes {
  size: number;
  color: string;
  weight: number;
  firstYear: number | null;
  lastYear: number | null;
}

export type Network = UndirectedGraph<NodeAttributes, EdgeAttributes>;

export const createNetwork = (): Network => new UndirectedGraph<NodeAttributes, EdgeAttributes>();

export interface EgoNetworkData {
  nodesTruncated: boolean;
  edgesTruncated: boolean;
  nodes: {
    id: string;
    depth: number;
    author: {
      name: string;
      metrics: { paperCount: number };
      affiliations: { organization: { id: string; name: string; parent?: { id: string; name: string } | null } | null }[];
      /** Absent when the query did not ask; null until an analytics run reached the author. */
      analytics?: AnalyticsData | null;
    } | null;
  }[];
  edges: { source: string; target: string; sharedPaperCount: number; firstYear: number | null; lastYear: number | null }[];
}

/** What the drawing needs of an author's analytics: the community and who names it. */
export interface AnalyticsData {
  communityNumber: number;
  /** Null when the author is alone in the community. */
  community: { id: string; size: number; topAuthors: { name: string }[] } | null;
}

export interface MergeResult {
  addedNodes: number;
  addedEdges: number;
  /** Nodes or edges the server or the page left out. */
  truncated: boolean;
}

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#2f7f6f'];
/** Nodes outside the coloured groups: no organization or community, or one beyond the palette. */
export const UNCOLOURED = '#9aa3ad';
export const EDGE_COLOR = '#c5ccd4';

export const nodeSize = (paperCount: number) => Math.min(3 + 2.2 * Math.sqrt(paperCount), 28);
export const edgeSize = (sharedPapers: number) => Math.min(0.6 + 1.4 * Math.log2(1 + sharedPapers), 8);

interface Link {
  sharedPaperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface NewNode {
  kind: NodeAttributes['kind'];
  label: string;
  paperCount: number;
  /** An author's main organization, or the organization itself. */
  organization: { id: string; name: string } | null;
  /** An author's community, when the analytics have reached them. */
  community?: { number: number; name: string } | null;
  at: { x: number; y: number };
}

/** The institution a node is coloured by: a department's or lab's university or company, else the organization itself. */
export const institutionOf = (organization: { id: string; name: string; parent?: { id: string; name: string } | null } | null) =>
  organization ? (organization.parent ?? organization) : null;

/** Adds a node with what every drawn node carries; its colour comes from the renderer (by organization or community). */
export function addNode(graph: Network, id: string, { kind, label, paperCount, organization, community = null, at }: NewNode) {
  graph.addNode(id, {
    label,
    ...at,
    size: kind === 'organization' ? nodeSize(paperCount) * 0.8 : nodeSize(paperCount),
    color: UNCOLOURED,
    paperCount,
    organization: organization?.id ?? null,
    organizationName: organization?.name ?? null,
    community: community?.number ?? null,
    communityName: community?.name ?? null,
    firstYear: null,
    expanded: false,
    kind,
  });
}

/** The index-th of `count` places on a ring of this radius (a little jittered) round `origin`. */
function onRing(origin: { x: number; y: number }, index: number, count: number, radius: number) {
  const angle = (2 * Math.PI * index) / Math.max(count, 1);
  const r = radius === 0 ? 0 : radius + Math.random() * 4;
  return { x: origin.x + r * Math.cos(angle), y: origin.y + r * Math.sin(angle) };
}

/** A weighted link; its ends appear on the time slider from its first year on. */
export function addLink(graph: Network, source: string, target: string, link: Link) {
  graph.addEdge(source, target, {
    size: edgeSize(link.sharedPaperCount),
    color: EDGE_COLOR,
    weight: link.sharedPaperCount,
    firstYear: link.firstYear,
    lastYear: link.lastYear,
  });
  for (const end of [source, target]) {
    const first = graph.getNodeAttribute(end, 'firstYear');
    if (link.firstYear != null && (first == null || link.firstYear < first)) graph.setNodeAttribute(end, 'firstYear', link.firstYear);
  }
}

/** An author's community as the drawing keeps it; a community without a summary is the author alone. */
function communityOf(author: { name: string; analytics?: AnalyticsData | null } | null) {
  const analytics = author?.analytics;
  if (!analytics) return null;
  return { number: analytics.communityNumber, name: analytics.community?.topAuthors[0]?.name ?? author.name };
}

/** Adds a fetched ego network around `centre`: existing nodes stay where they are. */
export function mergeEgoNetwork(graph: Network, centre: string, data: EgoNetworkData): MergeResult {
  const origin = graph.hasNode(centre) ? graph.getNodeAttributes(centre) : { x: 0, y: 0 };
  const fresh = data.nodes.filter((node) => !graph.hasNode(node.id));
  let addedNodes = 0;
  let truncated = data.nodesTruncated || data.edgesTruncated;
  fresh.forEach((node, index) => {
    if (graph.order >= DRAW_LIMITS.nodes) return void (truncated = true);
    // Around the author they came from, on a ring per depth; the layout takes it from there.
    addNode(graph, node.id, {
      kind: 'author',
      label: node.author?.name ?? node.id,
      paperCount: node.author?.metrics.paperCount ?? 0,
      organization: institutionOf(node.author?.affiliations.find((a) => a.organization)?.organization ?? null),
      community: communityOf(node.author),
      at: onRing(origin, index, fresh.length, node.id === centre ? 0 : 10 * node.depth),
    });
    addedNodes++;
  });
  let addedEdges = 0;
  for (const edge of data.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || graph.hasEdge(edge.source, edge.target)) continue;
    if (graph.size >= DRAW_LIMITS.edges) {
      truncated = true;
      break;
    }
    addLink(graph, edge.source, edge.target, edge);
    addedEdges++;
  }
  if (graph.hasNode(centre)) graph.setNodeAttribute(centre, 'expanded', true);
  return { addedNodes, addedEdges, truncated };
}

/** How many nodes one more expansion may ask for: the API's cap, or what is left under the page's. */
export const roomForExpansion = (graph: Network) => Math.max(0, Math.min(API_MAX_NODES, DRAW_LIMITS.nodes - graph.order + 1));

/** The years the drawn links span, for the time slider. */
export function yearSpan(graph: Network): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  graph.forEachEdge((_edge, attributes) => {
    if (attributes.firstYear != null) min = Math.min(min, attributes.firstYear);
    if (attributes.lastYear != null) max = Math.max(max, attributes.lastYear);
  });
  return Number.isFinite(min) ? [min, max] : null;
}

/** What the nodes are coloured by. */
export type ColourBy = 'organization' | 'community';
export const COLOUR_BY: readonly ColourBy[] = ['organization', 'community'];

export interface LegendEntry {
  name: string;
  color: string;
  count: number;
}

/** The group a node is coloured by, or null (grey): its organization's id or its community's number. */
export function colourKey(attributes: Pick<NodeAttributes, 'organization' | 'community'>, by: ColourBy): string | null {
  if (by === 'community') return attributes.community == null ? null : String(attributes.community);
  return attributes.organization;
}

const groupName = (attributes: NodeAttributes, by: ColourBy) =>
  by === 'community' ? `Community of ${attributes.communityName ?? attributes.label}` : (attributes.organizationName ?? '');

/**
 * Gives the commonest groups drawn (organizations, or communities) one distinct colour each (in
 * `assigned`; the rest stay grey), and returns the legend. A colour once given stays with its
 * group while it is drawn, so an expansion does not repaint the picture. The renderer colours
 * nodes from `assigned` at draw time: the graph is not touched. Keep one `assigned` per `by`.
 */
export function assignColours(graph: Network, assigned: Map<string, string>, by: ColourBy = 'organization'): LegendEntry[] {
  const counts = new Map<string, LegendEntry>();
  graph.forEachNode((_node, attributes) => {
    const key = colourKey(attributes, by);
    if (key === null) return;
    const entry = counts.get(key) ?? { name: groupName(attributes, by), color: UNCOLOURED, count: 0 };
    entry.count++;
    counts.set(key, entry);
  });
  for (const key of assigned.keys()) if (!counts.has(key)) assigned.delete(key);
  const free = PALETTE.filter((color) => ![...assigned.values()].includes(color));
  const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[1].name.localeCompare(b[1].name));
  for (const [key] of ranked.slice(0, PALETTE.length)) {
    if (!assigned.has(key) && free.length) assigned.set(key, free.shift()!);
  }
  return ranked.filter(([key]) => assigned.has(key)).map(([key, entry]) => ({ ...entry, color: assigned.get(key)! }));
}

/** A legend line: "tencent-ai (12)", "Community of Sergey Levine (42 drawn)". */
export const legendText = (entry: LegendEntry, by: ColourBy) => (by === 'community' ? `${entry.name} (${entry.count} drawn)` : `${entry.name} (${entry.count})`);

/** Whether any drawn author has analytics (a community), so that colouring by community can show anything. */
export const hasCommunities = (graph: Network) => graph.someNode((_node, attributes) => attributes.community != null);

/** A spot near `anchor` for a node that joins the drawing: a tenth of the drawing's size away. */
export function besideOf(graph: Network, anchor: string | null): { x: number; y: number } {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_node, { x, y }) => {
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  });
  const span = Number.isFinite(minX) ? Math.max(maxX - minX, maxY - minY, 10) : 10;
  const origin = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
  const angle = Math.random() * 2 * Math.PI;
  return { x: origin.x + 0.1 * span * Math.cos(angle), y: origin.y + 0.1 * span * Math.sin(angle) };
}

export interface OrganizationNetworkData {
  id: string;
  name: string;
  papers: { totalCount: number };
  collaborators: {
    edges: { sharedPaperCount: number; firstYear: number | null; lastYear: number | null; node: { id: string; name: string; papers: { totalCount: number } } }[];
  };
}

/** Adds an organization and its collaborators, linked by shared papers. */
export function mergeOrganizationNetwork(graph: Network, data: OrganizationNetworkData): MergeResult {
  const addOrganization = (organization: { id: string; name: string; papers: { totalCount: number } }, at: { x: number; y: number }) => {
    if (graph.hasNode(organization.id)) return 0;
    addNode(graph, organization.id, { kind: 'organization', label: organization.name, paperCount: organization.papers.totalCount, organization, at });
    return 1;
  };
  let addedNodes = addOrganization(data, { x: 0, y: 0 });
  const origin = graph.getNodeAttributes(data.id);
  let addedEdges = 0;
  let truncated = false;
  data.collaborators.edges.forEach((edge, index) => {
    if (graph.order >= DRAW_LIMITS.nodes && !graph.hasNode(edge.node.id)) return void (truncated = true);
    addedNodes += addOrganization(edge.node, onRing(origin, index, data.collaborators.edges.length, 12));
    if (graph.hasEdge(data.id, edge.node.id)) return;
    addLink(graph, data.id, edge.node.id, edge);
    addedEdges++;
  });
  graph.setNodeAttribute(data.id, 'expanded', true);
  return { addedNodes, addedEdges, truncated };
}
