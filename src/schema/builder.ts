import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';

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
  plugins: [ScopeAuthPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: (context) => ({ authenticated: context.auth.authenticated }),
    unauthorizedError: () =>
      new GraphQLError('This needs an API token (Authorization: Bearer <token> or X-API-Key).', {
        extensions: { code: 'UNAUTHENTICATED' },
      }),
  },
  defaultFieldNullability: false,
  relay: {
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
});

builder.queryType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ nullable: false, resolve: (connection) => connection.totalCount() }),
);
