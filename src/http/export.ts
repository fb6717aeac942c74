import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { EXPORT_FORMATS, serializeGraph, type ExportFormat, type ExportGraph } from '../analytics/export.js';
import type { SubgraphAnalytics, SubgraphSelector } from '../analytics/subgraph.js';
import { BadInputError, RefusedError } from '../errors/coded.js';
import { errorResponse } from '../errors/graphql.js';
import { logLevelOf, publicError } from '../errors/mask.js';
import type { RepositoriesFor } from '../repositories/index.js';
import { requestScopeOf } from '../request-scope.js';

/**
 * GET /export/subgraph?format=<format>&<selector>: a subgraph with its measures as a file for
 * Gephi, yEd, Cytoscape, networkx or a spreadsheet. The selector is `subgraphAnalytics`'s, as
 * query parameters of the same names: `authors` (global ids, comma-separated or repeated), `egoOf`
 * (with `depth`), `organization`, `topic` or `community`, and `yearFrom`, `yearTo`,
 * `minSharedPapers`. It is computed as that field computes it (src/analytics/subgraph.ts), through
 * the request's repositories, so under the same read time limit, and counted in the request's
 * log line and metrics (route "other") like any request.
 *
 * Errors answer as GraphQL's do, in a JSON body `{"errors": [{message, extensions: {code, ...}}]}`:
 * bad input 400 (BAD_USER_INPUT, naming the `argument`), a slow database 504 (TIMEOUT), an absent
 * one 503 (SERVICE_UNAVAILABLE), anything else 500 (masked, logged in full). Only GET: 405.
 */

export const EXPORT_PATH = '/export/subgraph';

const INT_PARAMETERS = ['depth', 'yearFrom', 'yearTo', 'minSharedPapers'] as const;
const ID_PARAMETERS = { egoOf: 'Author', organization: 'Organization', topic: 'Topic', community: 'Community' } as const;
const PARAMETERS = new Set<string>(['format', 'authors', ...INT_PARAMETERS, ...Object.keys(ID_PARAMETERS)]);

export function useSubgraphExport({ repositories, logger }: { repositories: RepositoriesFor; logger: Logger }): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== EXPORT_PATH) return;
      const scope = requestScopeOf(request);
      if (scope) scope.operationName = 'exportSubgraph';
      const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

      if (request.method !== 'GET') {
        const error = new RefusedError(`${EXPORT_PATH} answers GET only.`, 'METHOD_NOT_ALLOWED', 405);
        scope?.errorCodes.push(error.code);
        return endResponse(errorResponse(fetchAPI, error, { ...headers, allow: 'GET' }));
      }
      try {
        const { format, selector } = parseExportRequest(url.searchParams);
        const subgraph = await repositories(scope ?? { statements: 0 }).subgraph.analyze(selector);
        const file = serializeGraph(exportGraph(subgraph), format);
        return endResponse(
          new fetchAPI.Response(file.body, {
            headers: {
              ...headers,
              'content-type': file.contentType,
              'content-disposition': `attachment; filename="${fileName(subgraph)}.${file.extension}"`,
            },
          }),
        );
      } catch (error) {
        const answer = publicError(error);
        scope?.errorCodes.push(answer.code);
        if (answer.code !== 'BAD_USER_INPUT') logger[logLevelOf(error)]({ err: error, ...(scope ? { reqId: scope.id } : {}) }, 'subgraph export failed');
        return endResponse(errorResponse(fetchAPI, answer, headers));
      }
    },
  };
}

/** The format and the selector of a request, or BAD_USER_INPUT naming the parameter. */
export function parseExportRequest(parameters: URLSearchParams): { format: ExportFormat; selector: SubgraphSelector } {
  for (const name of new Set(parameters.keys())) {
    if (!PARAMETERS.has(name)) throw new BadInputError(`Unknown parameter \`${name}\`.`, { argument: name });
    if (name !== 'authors' && parameters.getAll(name).length > 1) throw new BadInputError(`\`${name}\` is given more than once.`, { argument: name });
  }
  // An empty value is no value, as an HTML form sends an empty field.
  const value = (name: string) => parameters.get(name) || null;

  const format = value('format');
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw new BadInputError(`\`format\` must be one of ${EXPORT_FORMATS.join(', ')}.`, { argument: 'format', formats: [...EXPORT_FORMATS] });
  }

  const int = (name: (typeof INT_PARAMETERS)[number]) => {
    const text = value(name);
    if (text === null) return null;
    if (!/^-?\d{1,9}$/.test(text)) throw new BadInputError(`\`${name}\` must be a whole number.`, { argument: name });
    return Number(text);
  };
  const id = (name: keyof typeof ID_PARAMETERS, text: string) => {
    const typename = ID_PARAMETERS[name];
    try {
      const decoded = decodeGlobalID(text);
      if (decoded.typename === typename) return decoded.id;
    } catch {
      // malformed: answered below
    }
    throw new BadInputError(`\`${name}\` must be the global id of ${/^[AEIOU]/.test(typename) ? 'an' : 'a'} ${typename}.`, { argument: name });
  };
  const one = (name: keyof typeof ID_PARAMETERS) => {
    const text = value(name);
    return text === null ? null : id(name, text);
  };
  const authorTexts = parameters
    .getAll('authors')
    .flatMap((text) => text.split(','))
    .map((text) => text.trim())
    .filter(Boolean);
  const authorIds = authorTexts.length ? authorTexts.map((text) => authorId(text)) : null;

  return {
    format: format as ExportFormat,
    selector: {
      authorIds,
      egoOf: one('egoOf'),
      depth: int('depth'),
      organizationId: one('organization'),
      topicId: one('topic'),
      communityId: one('community'),
      yearFrom: int('yearFrom'),
      yearTo: int('yearTo'),
      minSharedPapers: int('minSharedPapers'),
    },
  };

  function authorId(text: string) {
    try {
      const decoded = decodeGlobalID(text);
      if (decoded.typename === 'Author') return decoded.id;
    } catch {
      // malformed: answered below
    }
    throw new BadInputError('`authors` must list global ids of authors.', { argument: 'authors' });
  }
}

/** The subgraph as the serializers take it: author ids as node ids, the name as label, the measures as attributes. */
export function exportGraph(subgraph: SubgraphAnalytics): ExportGraph {
  return {
    title: titleOf(subgraph),
    nodes: subgraph.nodes.map((node) => ({
      id: node.authorId,
      label: node.author.name,
      attributes: {
        globalId: encodeGlobalID('Author', node.authorId),
        paperCount: node.paperCount,
        community: node.community,
        pageRank: node.pageRank,
        betweenness: node.betweenness,
        coreNumber: node.coreNumber,
        clustering: node.clustering,
      },
    })),
    edges: subgraph.links.map((link) => ({ source: link.source, target: link.target, weight: link.weight, attributes: {} })),
  };
}

/** What the file shows as its title: what was selected, and the filters. */
function titleOf({ selection, title, authorCount }: SubgraphAnalytics): string {
  const what = {
    authorIds: `${authorCount} selected authors`,
    egoOf: `Coauthors of ${title ?? 'an unknown author'}${selection.depth > 1 ? ` to depth ${selection.depth}` : ''}`,
    organizationId: `Authors of ${title ?? 'an unknown organization'}`,
    topicId: `Authors on ${title ?? 'an unknown topic'}`,
    communityId: `Community ${selection.community?.run}:${selection.community?.community}`,
  }[selection.kind];
  const { yearFrom, yearTo, minSharedPapers } = selection;
  const years =
    yearFrom !== null && yearTo !== null ? (yearFrom === yearTo ? `${yearFrom}` : `${yearFrom}-${yearTo}`)
    : yearFrom !== null ? `from ${yearFrom}`
    : yearTo !== null ? `to ${yearTo}`
    : null;
  return [what, years, minSharedPapers > 1 ? `links from ${minSharedPapers} shared papers` : null].filter(Boolean).join(', ');
}

/** The title in lower-case ASCII words joined by hyphens: safe in a Content-Disposition header and on any disk. */
export function fileName(subgraph: SubgraphAnalytics): string {
  const slug = titleOf(subgraph)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'subgraph';
}
