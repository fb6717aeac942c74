import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, serializeGraph, type ExportGraph } from '../../src/analytics/export.js';
import { networkx } from '../support/networkx.js';

// The first call may create .venv and install networkx from PyPI.
const FIRST_USE = 180_000;

const JURGEN = 'author:jürgen-schmidhuber';
const PIERLUCA = "openreview:~Pierluca_D'Oro1";
const LINES = 'author:two-lines';
const AMPERSAND = 'org:a&b <lab>';

const JURGEN_ATTRIBUTES = { papers: 12, score: 0.5, active: true, group: 'IDSIA, "Lugano"', weight: 3 };
const PIERLUCA_LABEL = "Pierluca D'Oro & <friends>";
const FIRST_EDGE_ATTRIBUTES = { 'first year': 2019, venue: 'ICML, NeurIPS', share: 0.25 };

/** Awkward names: quotes, ampersands, commas, a newline, non-ASCII, a control character, a lone surrogate. */
const graph: ExportGraph = {
  title: 'Coauthors of "Jürgen" & friends',
  nodes: [
    { id: JURGEN, label: 'Jürgen Schmidhuber', attributes: JURGEN_ATTRIBUTES },
    { id: PIERLUCA, label: PIERLUCA_LABEL, attributes: { papers: 3, score: 1, active: false, group: null } },
    { id: LINES, label: 'Two\nlines, "quoted"\u0007 bell\uD800', attributes: { score: 2.25, 'h-index / 2020': 7 } },
    { id: AMPERSAND, label: 'A&B Lab', attributes: { papers: null, group: 'x' } },
  ],
  edges: [
    { source: JURGEN, target: PIERLUCA, weight: 3, attributes: FIRST_EDGE_ATTRIBUTES },
    { source: PIERLUCA, target: LINES, weight: 1, attributes: { 'first year': 2021, venue: null, share: 1 } },
    { source: LINES, target: AMPERSAND, weight: 12, attributes: {} },
  ],
};

/** What an XML parser gives back: characters XML 1.0 cannot hold are dropped. */
const xmlText = (text: string) => text.replace(/[\u0007\uD800]/g, '');

interface Parsed {
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
}

const parse = (format: 'graphml' | 'gexf') =>
  networkx<Parsed>('parse', { format, text: serializeGraph(graph, format).body });

/** Undirected edges as "a|b" with the ends sorted, and their weights. */
const edgeWeights = (edges: [string, string, Record<string, unknown>][]) =>
  Object.fromEntries(edges.map(([source, target, data]) => [[source, target].sort().join('|'), data.weight]));
const expectedWeights = edgeWeights(graph.edges.map((edge) => [edge.source, edge.target, { weight: edge.weight }]));

/** Ids, labels, attribute values and weights as networkx read them from GraphML or GEXF. */
function expectSameAttributes(parsed: Parsed) {
  expect(parsed.directed).toBe(false);
  expect(Object.keys(parsed.nodes)).toEqual(graph.nodes.map((node) => node.id));
  for (const node of graph.nodes) expect(parsed.nodes[node.id]!.label).toBe(xmlText(node.label));
  expect(parsed.nodes[JURGEN]).toEqual({ label: 'Jürgen Schmidhuber', ...JURGEN_ATTRIBUTES });
  // Null values are left out, not written as empty or "null".
  expect(parsed.nodes[PIERLUCA]).toEqual({ label: PIERLUCA_LABEL, papers: 3, score: 1, active: false });
  expect(parsed.nodes[LINES]).toMatchObject({ 'h-index / 2020': 7, score: 2.25 });
  expect(edgeWeights(parsed.edges)).toEqual(expectedWeights);
  expect(parsed.edges.find(([, , data]) => data.weight === 3)?.[2]).toMatchObject(FIRST_EDGE_ATTRIBUTES);
}

/** A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else if (/["\r\n]/.test(char)) {
      throw new Error(`Unquoted ${JSON.stringify(char)} at ${i}`);
    } else {
      field += char;
    }
  }
  if (row.length > 0 || field !== '') throw new Error('The last record does not end in CRLF');
  return rows;
}

describe('graph export', () => {
  it('names each format’s content type and extension', () => {
    const described = EXPORT_FORMATS.map((format) => {
      const { contentType, extension } = serializeGraph(graph, format);
      return [format, [contentType, extension]];
    });
    expect(Object.fromEntries(described)).toEqual({
      graphml: ['application/graphml+xml; charset=utf-8', 'graphml'],
      gexf: ['application/gexf+xml; charset=utf-8', 'gexf'],
      'csv-nodes': ['text/csv; charset=utf-8', 'nodes.csv'],
      'csv-edges': ['text/csv; charset=utf-8', 'edges.csv'],
      cytoscape: ['application/json; charset=utf-8', 'cyjs'],
    });
  });

  it('writes GraphML that networkx reads back as the same undirected graph', { timeout: FIRST_USE }, async () => {
    const parsed = await parse('graphml');
    expect(parsed.directed).toBe(false);
    expect(Object.keys(parsed.nodes)).toEqual(graph.nodes.map((node) => node.id));
    for (const node of graph.nodes) expect(parsed.nodes[node.id]!.label).toBe(xmlText(node.label));
    expectSameAttributes(parsed);
  });

  it('types GraphML keys from their values and gives them XML-safe ids', () => {
    const { body } = serializeGraph(graph, 'graphml');
    expect(body).toContain('<graph id="G" edgedefault="undirected">');
    expect(body).toContain('<desc>Coauthors of &quot;Jürgen&quot; &amp; friends</desc>');
    const keys = body.matchAll(/<key id="([^"]+)" for="(\w+)" attr.name="([^"]+)" attr.type="(\w+)"\/>/g);
    expect([...keys].map((match) => match.slice(1))).toEqual([
      ['label', 'node', 'label', 'string'],
      ['papers', 'node', 'papers', 'int'],
      ['score', 'node', 'score', 'double'],
      ['active', 'node', 'active', 'boolean'],
      ['group', 'node', 'group', 'string'],
      // Key ids are unique across the document: the node attribute "weight" does not take the edge weight's.
      ['weight_2', 'node', 'weight', 'int'],
      ['h-index___2020', 'node', 'h-index / 2020', 'int'],
      ['weight', 'edge', 'weight', 'double'],
      ['first_year', 'edge', 'first year', 'int'],
      ['venue', 'edge', 'venue', 'string'],
      ['share', 'edge', 'share', 'double'],
    ]);
    expect(body).not.toMatch(/[\u0007\uD800]/);
  });

  it('writes GEXF 1.3 that networkx reads back as the same undirected graph', { timeout: FIRST_USE }, async () => {
    const { body } = serializeGraph(graph, 'gexf');
    expect(body).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(body).toContain('<graph mode="static" defaultedgetype="undirected">');
    expect(body).toMatch(/<meta>\s*<creator>scholar-graph<\/creator>\s*<description>Coauthors of &quot;Jürgen/);
    expect(body).toContain('<attribute id="papers" title="papers" type="integer"/>');
    expect(body).toContain('<attribute id="score" title="score" type="double"/>');
    expect(body).toContain('<attribute id="h-index___2020" title="h-index / 2020" type="integer"/>');
    expect(body).toContain('<attribute id="first_year" title="first year" type="integer"/>');

    const parsed = await parse('gexf');
    expect(parsed.directed).toBe(false);
    expect(Object.keys(parsed.nodes)).toEqual(graph.nodes.map((node) => node.id));
    for (const node of graph.nodes) expect(parsed.nodes[node.id]!.label).toBe(xmlText(node.label));
    expectSameAttributes(parsed);
  });

  it('writes RFC 4180 node and edge lists', () => {
    expect(readCsv(serializeGraph(graph, 'csv-nodes').body)).toEqual([
      ['id', 'label', 'papers', 'score', 'active', 'group', 'weight', 'h-index / 2020'],
      [JURGEN, 'Jürgen Schmidhuber', '12', '0.5', 'true', 'IDSIA, "Lugano"', '3', ''],
      [PIERLUCA, "Pierluca D'Oro & <friends>", '3', '1', 'false', '', '', ''],
      // CSV holds any character: only XML drops some.
      [LINES, 'Two\nlines, "quoted"\u0007 bell\uD800', '', '2.25', '', '', '', '7'],
      [AMPERSAND, 'A&B Lab', '', '', '', 'x', '', ''],
    ]);
    expect(readCsv(serializeGraph(graph, 'csv-edges').body)).toEqual([
      ['source', 'target', 'weight', 'first year', 'venue', 'share'],
      [JURGEN, PIERLUCA, '3', '2019', 'ICML, NeurIPS', '0.25'],
      [PIERLUCA, LINES, '1', '2021', '', '1'],
      [LINES, AMPERSAND, '12', '', '', ''],
    ]);
  });

  it('writes Cytoscape JSON', () => {
    expect(JSON.parse(serializeGraph(graph, 'cytoscape').body)).toEqual({
      data: { name: 'Coauthors of "Jürgen" & friends' },
      elements: {
        nodes: [
          { data: { id: JURGEN, label: 'Jürgen Schmidhuber', ...JURGEN_ATTRIBUTES } },
          { data: { id: PIERLUCA, label: PIERLUCA_LABEL, papers: 3, score: 1, active: false } },
          { data: { id: LINES, label: 'Two\nlines, "quoted"\u0007 bell\uD800', score: 2.25, 'h-index / 2020': 7 } },
          { data: { id: AMPERSAND, label: 'A&B Lab', group: 'x' } },
        ],
        edges: [
          { data: { id: 'e0', source: JURGEN, target: PIERLUCA, weight: 3, ...FIRST_EDGE_ATTRIBUTES } },
          { data: { id: 'e1', source: PIERLUCA, target: LINES, weight: 1, 'first year': 2021, share: 1 } },
          { data: { id: 'e2', source: LINES, target: AMPERSAND, weight: 12 } },
        ],
      },
    });
  });

  it('leaves out values no format can spell, and types a column by all its values', () => {
    const numbers: ExportGraph = {
      title: 't',
      nodes: [
        { id: 'a', label: 'a', attributes: { big: 2 ** 40, mixed: 1, nan: Number.NaN, half: 1 } },
        { id: 'b', label: 'b', attributes: { big: 1, mixed: 'one', nan: Number.POSITIVE_INFINITY, half: 1.5 } },
      ],
      edges: [],
    };
    const { body } = serializeGraph(numbers, 'graphml');
    expect(body).toContain('attr.name="big" attr.type="long"');
    expect(body).toContain('attr.name="mixed" attr.type="string"');
    expect(body).toContain('attr.name="half" attr.type="double"');
    expect(body).not.toMatch(/NaN|Infinity/);
    expect(readCsv(serializeGraph(numbers, 'csv-nodes').body)[1]).toEqual(['a', 'a', String(2 ** 40), '1', '', '1']);
  });

  it('refuses attributes named like an element’s own fields', () => {
    const edge = { source: 'a', target: 'b', weight: 1, attributes: { weight: 2 } };
    const edgeGraph = { title: 't', nodes: [], edges: [edge] };
    expect(() => serializeGraph(edgeGraph, 'csv-edges')).toThrow(/"weight" is the edge's own field/);
    const node = { id: 'a', label: 'a', attributes: { label: 'x' } };
    const nodeGraph = { title: 't', nodes: [node], edges: [] };
    expect(() => serializeGraph(nodeGraph, 'gexf')).toThrow(/"label" is the node's own field/);
  });
});
