/**
 * A collaboration graph as a file for other tools: GraphML (yEd, networkx, igraph), GEXF (Gephi),
 * CSV node and edge lists (spreadsheets, Gephi's import) and Cytoscape JSON. Pure: the caller
 * reads the graph and sends the file.
 */

export const EXPORT_FORMATS = ['graphml', 'gexf', 'csv-nodes', 'csv-edges', 'cytoscape'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type AttributeValue = string | number | boolean | null;

export interface ExportGraph {
  /** Shown as the file's title / description. */
  title: string;
  nodes: { id: string; label: string; attributes: Record<string, AttributeValue> }[];
  /** Undirected; `weight` is the number of shared papers. */
  edges: { source: string; target: string; weight: number; attributes: Record<string, AttributeValue> }[];
}

export interface ExportFile {
  body: string;
  contentType: string;
  extension: string;
}

/** A node or an edge, as far as attributes go. */
interface Element {
  attributes: Record<string, AttributeValue>;
}

/** Names every format gives its own fields; an attribute of that name would be lost or clash. */
const RESERVED = { node: ['id', 'label'], edge: ['id', 'source', 'target', 'weight'] };

export function serializeGraph(graph: ExportGraph, format: ExportFormat): ExportFile {
  checkAttributeKeys(graph);
  switch (format) {
    case 'graphml':
      return { body: graphml(graph), contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' };
    case 'gexf':
      return { body: gexf(graph), contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' };
    case 'csv-nodes':
      return { body: csvNodes(graph), contentType: 'text/csv; charset=utf-8', extension: 'nodes.csv' };
    case 'csv-edges':
      return { body: csvEdges(graph), contentType: 'text/csv; charset=utf-8', extension: 'edges.csv' };
    case 'cytoscape':
      return { body: cytoscape(graph), contentType: 'application/json; charset=utf-8', extension: 'cyjs' };
  }
}

function checkAttributeKeys(graph: ExportGraph): void {
  for (const [kind, elements] of [['node', graph.nodes], ['edge', graph.edges]] as const) {
    const clash = attributeKeys(elements).find((key) => RESERVED[kind].includes(key));
    if (clash === undefined) continue;
    throw new Error(`"${clash}" is the ${kind}'s own field, so no ${kind} attribute may be called that`);
  }
}

// ---- Attributes: one column / key per name, typed from its values ----

/** Every attribute name in the elements, in order of first appearance. */
function attributeKeys(elements: readonly Element[]): string[] {
  const keys = new Set<string>();
  for (const element of elements) for (const key of Object.keys(element.attributes)) keys.add(key);
  return [...keys];
}

/**
 * Null and absent mean no value; NaN and ±Infinity too, as no format here spells them the same
 * way (xsd says INF, Java's parser wants Infinity, JSON has neither).
 */
function valueOf(element: Element, key: string): string | number | boolean | null {
  const value = element.attributes[key] ?? null;
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** GraphML's names; GEXF says integer for int. */
type AttributeType = 'int' | 'long' | 'double' | 'boolean' | 'string';

/** int while every value is a safe integer within 32 bits (Gephi reads `int` as Java's int), then long. */
function attributeType(elements: readonly Element[], key: string): AttributeType {
  const values = elements.map((element) => valueOf(element, key)).filter((value) => value !== null);
  const numbers = values.filter((value) => typeof value === 'number');
  if (values.length > 0 && values.every((value) => typeof value === 'boolean')) return 'boolean';
  if (values.length === 0 || numbers.length < values.length) return 'string';
  if (!numbers.every(Number.isSafeInteger)) return 'double';
  return numbers.every((value) => Math.abs(value) <= 2 ** 31 - 1) ? 'int' : 'long';
}

interface Attribute {
  key: string;
  /** An XML-safe id for GraphML's and GEXF's references to the attribute (title/attr.name keep `key`). */
  xmlId: string;
  type: AttributeType;
}

function attributesOf(elements: readonly Element[], takenIds: Set<string>): Attribute[] {
  return attributeKeys(elements).map((key) => ({
    key,
    xmlId: uniqueXmlId(key, takenIds),
    type: attributeType(elements, key),
  }));
}

/** `key` as an ASCII XML name (other characters become _), suffixed _2, _3… if `taken` has it. */
function uniqueXmlId(key: string, taken: Set<string>): string {
  let base = key.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

// ---- XML ----

// Characters XML 1.0 allows (with the u flag, lone surrogates fall outside and are dropped too).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // As references, so parsers keep them: they turn raw ones into spaces in attribute values, CR into LF in text.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text safe in both XML content and attribute values. */
function xml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"'\t\n\r]/g, (char) => XML_ESCAPES[char]!);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * GraphML and GEXF are written here rather than through graphology's writers: graphology-graphml
 * (0.5.2) publishes a parser only, and graphology-gexf's writer (0.13.2), tried, took 3.2 times as
 * long on the largest subgraph (2,000 authors, 20,000 links: median 2.5 s against 0.76 s, on the
 * event loop), types integers past 32 bits as double, and writes an xsi:schemaLocation that GEXF's
 * RELAX NG schema rejects.
 */
function graphml(graph: ExportGraph): string {
  const takenIds = new Set(['label', 'weight']);
  const nodeAttributes = attributesOf(graph.nodes, takenIds);
  const edgeAttributes = attributesOf(graph.edges, takenIds);
  const key = (domain: string, id: string, name: string, type: string) =>
    `  <key id="${xml(id)}" for="${domain}" attr.name="${xml(name)}" attr.type="${type}"/>`;
  /** The element's data: its own field first (label, weight), then the attributes that have a value. */
  const data = (element: Element, own: string, attributes: Attribute[]) =>
    own +
    attributes
      .map(({ key, xmlId }) => {
        const value = valueOf(element, key);
        return value === null ? '' : `<data key="${xml(xmlId)}">${xml(String(value))}</data>`;
      })
      .join('');
  return [
    XML_DECLARATION,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    key('node', 'label', 'label', 'string'),
    ...nodeAttributes.map((a) => key('node', a.xmlId, a.key, a.type)),
    key('edge', 'weight', 'weight', 'double'),
    ...edgeAttributes.map((a) => key('edge', a.xmlId, a.key, a.type)),
    '  <graph id="G" edgedefault="undirected">',
    `    <desc>${xml(graph.title)}</desc>`,
    ...graph.nodes.map((node) => {
      const label = `<data key="label">${xml(node.label)}</data>`;
      return `    <node id="${xml(node.id)}">${data(node, label, nodeAttributes)}</node>`;
    }),
    ...graph.edges.map((edge, i) => {
      const weight = `<data key="weight">${edge.weight}</data>`;
      const ends = `source="${xml(edge.source)}" target="${xml(edge.target)}"`;
      return `    <edge id="e${i}" ${ends}>${data(edge, weight, edgeAttributes)}</edge>`;
    }),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

const gexfType = (type: AttributeType) => (type === 'int' ? 'integer' : type);

function gexf(graph: ExportGraph): string {
  // GEXF attribute ids are per class (node or edge), unlike GraphML's document-wide key ids.
  const nodeAttributes = attributesOf(graph.nodes, new Set());
  const edgeAttributes = attributesOf(graph.edges, new Set());
  const declarations = (kind: string, attributes: Attribute[]) =>
    attributes.length === 0
      ? []
      : [
          `    <attributes class="${kind}">`,
          ...attributes.map(
            (a) => `      <attribute id="${xml(a.xmlId)}" title="${xml(a.key)}" type="${gexfType(a.type)}"/>`,
          ),
          '    </attributes>',
        ];
  /** The element's closing: `/>` without values, else its attvalues. */
  const values = (element: Element, attributes: Attribute[], tag: string) => {
    const present = attributes.flatMap(({ key, xmlId }) => {
      const value = valueOf(element, key);
      return value === null ? [] : [`<attvalue for="${xml(xmlId)}" value="${xml(String(value))}"/>`];
    });
    return present.length === 0 ? '/>' : `><attvalues>${present.join('')}</attvalues></${tag}>`;
  };
  return [
    XML_DECLARATION,
    // No xsi:schemaLocation: GEXF's normative RELAX NG schema rejects it (its XSD would allow it).
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta>',
    '    <creator>scholar-graph</creator>',
    `    <description>${xml(graph.title)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    ...declarations('node', nodeAttributes),
    ...declarations('edge', edgeAttributes),
    '    <nodes>',
    ...graph.nodes.map(
      (node) => `      <node id="${xml(node.id)}" label="${xml(node.label)}"${values(node, nodeAttributes, 'node')}`,
    ),
    '    </nodes>',
    '    <edges>',
    ...graph.edges.map(
      (edge, i) =>
        `      <edge id="e${i}" source="${xml(edge.source)}" target="${xml(edge.target)}" weight="${edge.weight}"` +
        values(edge, edgeAttributes, 'edge'),
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

// ---- CSV (RFC 4180) ----

// Quoting is all a CSV writer does here, and the project has none among its dependencies.
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records end in CRLF, the last one too. */
const csvRows = (rows: (string | number | boolean | null)[][]) =>
  rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');

function csvNodes(graph: ExportGraph): string {
  const keys = attributeKeys(graph.nodes);
  return csvRows([
    ['id', 'label', ...keys],
    ...graph.nodes.map((node) => [node.id, node.label, ...keys.map((key) => valueOf(node, key))]),
  ]);
}

function csvEdges(graph: ExportGraph): string {
  const keys = attributeKeys(graph.edges);
  return csvRows([
    ['source', 'target', 'weight', ...keys],
    ...graph.edges.map((edge) => [edge.source, edge.target, edge.weight, ...keys.map((key) => valueOf(edge, key))]),
  ]);
}

// ---- Cytoscape JSON (what Cytoscape.js's cy.json() and Cytoscape desktop's .cyjs read) ----

function presentAttributes(element: Element): Record<string, string | number | boolean> {
  const present: Record<string, string | number | boolean> = {};
  for (const key of Object.keys(element.attributes)) {
    const value = valueOf(element, key);
    if (value !== null) present[key] = value;
  }
  return present;
}

function cytoscape(graph: ExportGraph): string {
  // Cytoscape wants ids unique across nodes and edges: node ids here have a prefix (author:…), never e<n>.
  return JSON.stringify({
    data: { name: graph.title },
    elements: {
      nodes: graph.nodes.map((node) => ({ data: { id: node.id, label: node.label, ...presentAttributes(node) } })),
      edges: graph.edges.map((edge, i) => {
        const { source, target, weight } = edge;
        return { data: { id: `e${i}`, source, target, weight, ...presentAttributes(edge) } };
      }),
    },
  });
}
