import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Context } from '../context.js';
import { UnauthenticatedError } from '../errors/coded.js';
import { defaultCost, EDGES_COST, idsCost, PAGE_INFO_COST } from './cost.js';

/** The builder only: plugins, context and shared type settings. Types live in their own files. */
export const builder = new SchemaBuilder<{
  Context: Context;
  /** Fields are non-null unless they say otherwise: clients need not null-check what always exists. */
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  /** Every connection can count its items; the count runs only when a client selects it. */
  Connection: { totalCount: () => Promise<number> };
  AuthScopes: { authenticated: boolean };
  Scalars: { JSON: { Input: unknown; Output: unknown } };
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, ComplexityPlugin],
  // Each field's cost (src/schema/cost.ts), summed and limited while validating (src/limits/), so
  // the plugin does not check it again while resolving.
  complexity: { fieldComplexity: defaultCost, disabled: true },
  scopeAuth: {
    authScopes: (context) => ({ authenticated: context.auth.authenticated }),
    unauthorizedError: () => new UnauthenticatedError('This needs an API token (Authorization: Bearer <token> or X-API-Key).'),
  },
  defaultFieldNullability: false,
  // The descriptions of what the relay plugin generates for every connection, edge and node.
  relay: {
    nodeTypeOptions: { description: 'Anything with a global id: `node(id:)` fetches it whatever its type.' },
    idFieldOptions: { description: 'The opaque global id (Relay): pass it to `node(id:)` or to arguments of type ID.' },
    nodeQueryOptions: {
      description: 'Any Author, Paper, Organization or Topic by its global id; null when unknown.',
      args: { id: { description: 'A global id.' } },
    },
    nodesQueryOptions: {
      description: 'Several nodes by global id, in the order asked; null for each unknown one.',
      args: { ids: { description: 'Global ids; the query cost limit bounds how many.' } },
      complexity: idsCost,
    },
    defaultConnectionTypeOptions: { description: 'One page of a list: its items (edges), where it sits (pageInfo) and the count of all.' },
    defaultEdgeTypeOptions: { description: 'One item of a page, with its cursor.' },
    edgesFieldOptions: { nullable: false, description: "The page's items, in the list's order.", complexity: EDGES_COST },
    pageInfoFieldOptions: { description: 'Cursors of this page and whether more items follow.', complexity: PAGE_INFO_COST },
    cursorFieldOptions: { description: 'Opaque; pass it as `after` to get the items after this one.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list (Relay cursor connections).' },
    hasNextPageFieldOptions: { description: 'True when items follow this page: ask again with `after: endCursor`.' },
    hasPreviousPageFieldOptions: { description: 'True when this page was asked for with `after`: items come before it.' },
    startCursorFieldOptions: { description: "The first item's cursor; null on an empty page." },
    endCursorFieldOptions: { description: "The last item's cursor, to pass as `after`; null on an empty page." },
  },
});

builder.queryType({ description: 'Reads: look up authors, papers, organizations and topics, search them, and walk their links.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    nullable: false,
    description: 'How many items the whole list has, not only this page (counted only when selected).',
    resolve: (connection) => connection.totalCount(),
  }),
);
