/**
 * Draws the network with sigma.js (WebGL) and lays it out with ForceAtlas2 in a web worker, so the
 * page stays responsive while the layout runs. What is emphasised (a selection, a path, the
 * years up to the time slider's) is applied by sigma's reducers at draw time: the graph itself
 * is never rebuilt for a change of view.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { colourKey, type ColourBy, type EdgeAttributes, type Network, type NodeAttributes } from './network';

export interface ViewState {
  selected: string | null;
  /** Nodes and edges of a found path; everything else fades. */
  path: { nodes: Set<string>; edges: Set<string> } | null;
  /** The time slider's year: links (and authors) newer than it are hidden. */
  year: number | null;
  /** What nodes are coloured by. */
  colourBy: ColourBy;
  /** Colours by organization id and by community number (see assignColours); other nodes keep their own (grey). */
  colours: Record<ColourBy, Map<string, string>>;
  /** Nodes whose names are always drawn (chooseLabelled), unless faded; sigma picks among the rest by size. */
  labelled: Set<string>;
}

const FADED = '#e6e9ed';
const HIGHLIGHT = '#d62728';
/** How long the layout runs after the graph changes: long enough to settle a few hundred nodes. */
const LAYOUT_MS = 2_500;

export interface Renderer {
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  view: ViewState;
  refresh(): void;
  /** Runs the layout for a while (after nodes were added). */
  relayout(): void;
  focus(node: string): void;
  /** Moves the camera so that these nodes fill the view. */
  fit(nodes: string[]): void;
  kill(): void;
}

export interface RendererEvents {
  clickNode(node: string): void;
  clickEdge(edge: string): void;
  clickStage(): void;
}

export function createRenderer(container: HTMLElement, graph: Network, events: RendererEvents): Renderer {
  const view: ViewState = { selected: null, path: null, year: null, colourBy: 'organization', colours: { organization: new Map(), community: new Map() }, labelled: new Set() };
  const hiddenByYear = (year: number | null) => view.year != null && year != null && year > view.year;

  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    enableEdgeEvents: true,
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 9,
    labelFont: 'system-ui, sans-serif',
    zIndex: true,
    nodeReducer: (node, data) => {
      const key = colourKey(data, view.colourBy);
      const out: Partial<NodeDisplayData> = { ...data, color: (key !== null && view.colours[view.colourBy].get(key)) || data.color };
      if (view.labelled.has(node)) out.forceLabel = true;
      if (hiddenByYear(data.firstYear) && node !== view.selected) out.hidden = true;
      if (view.path) {
        if (view.path.nodes.has(node)) Object.assign(out, { highlighted: true, zIndex: 2, forceLabel: true });
        else Object.assign(out, { color: FADED, label: '', forceLabel: false, zIndex: 0 });
      } else if (view.selected) {
        if (node === view.selected) Object.assign(out, { highlighted: true, zIndex: 2 });
        else if (!graph.areNeighbors(node, view.selected)) Object.assign(out, { color: FADED, label: '', forceLabel: false, zIndex: 0 });
      }
      return out;
    },
    edgeReducer: (edge, data) => {
      const out: Partial<EdgeDisplayData> = { ...data };
      if (hiddenByYear(data.firstYear)) out.hidden = true;
      if (view.path) {
        if (view.path.edges.has(edge)) Object.assign(out, { color: HIGHLIGHT, size: Math.max(data.size, 3), zIndex: 2 });
        else out.hidden = true;
      } else if (view.selected && !graph.extremities(edge).includes(view.selected)) out.color = FADED;
      return out;
    },
  });

  // Dragging a node moves it (and holds it while held); the camera stays still meanwhile.
  let dragged: string | null = null;
  let moved = false;
  sigma.on('downNode', ({ node }) => {
    dragged = node;
    moved = false;
  });
  sigma.getMouseCaptor().on('mousemovebody', (event) => {
    if (!dragged) return;
    moved = true;
    const position = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  sigma.getMouseCaptor().on('mouseup', () => {
    dragged = null;
  });
  sigma.on('clickNode', ({ node }) => {
    if (!moved) events.clickNode(node);
  });
  sigma.on('clickEdge', ({ edge }) => events.clickEdge(edge));
  sigma.on('clickStage', () => events.clickStage());
  for (const kind of ['enterNode', 'enterEdge'] as const) sigma.on(kind, () => container.classList.add('pointer'));
  for (const kind of ['leaveNode', 'leaveEdge'] as const) sigma.on(kind, () => container.classList.remove('pointer'));

  let layout: FA2Layout<NodeAttributes, EdgeAttributes> | null = null;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  const relayout = () => {
    if (graph.order < 2) return;
    layout?.kill();
    layout = new FA2Layout(graph, {
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false },
      getEdgeWeight: 'weight',
    });
    layout.start();
    clearTimeout(stopTimer);
    stopTimer = setTimeout(() => layout?.stop(), LAYOUT_MS);
  };

  return {
    sigma,
    view,
    refresh: () => sigma.refresh({ skipIndexation: true }),
    relayout,
    focus: (node) => {
      const position = sigma.getNodeDisplayData(node);
      if (position) void sigma.getCamera().animate({ x: position.x, y: position.y, ratio: 0.6 }, { duration: 400 });
    },
    fit: (nodes) => {
      // Display data is in sigma's normalised frame, which the camera also uses; nodes just
      // added have theirs once sigma has processed them.
      sigma.refresh();
      const points = nodes.map((node) => sigma.getNodeDisplayData(node)).filter((point) => point !== undefined);
      if (!points.length) return;
      const xs = points.map((point) => point.x);
      const ys = points.map((point) => point.y);
      const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const ratio = Math.min(Math.max(maxX - minX, maxY - minY) * 1.6, 1) || 0.3;
      void sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.max(ratio, 0.4) }, { duration: 400 });
    },
    kill: () => {
      clearTimeout(stopTimer);
      layout?.kill();
      sigma.kill();
    },
  };
}
