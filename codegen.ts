import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator, run by `npm run operations:persist`: the explorer's typed documents in
 * explorer/src/gql/ from explorer/src/operations.ts and schema/schema.graphql. The explorer sends
 * each document's text as generated, and scripts/operations-manifest.ts lists that text in
 * schema/persisted-operations.json under its SHA-256.
 *
 * Not the client preset's `persistedDocuments`: it hashes a second, normalized print of each
 * document (fields sorted, on one line), not the text the explorer sends, so under
 * PERSISTED_OPERATIONS=only the explorer would have to send hashes alone, which a server with
 * PERSISTED_OPERATIONS=off refuses.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['explorer/src/operations.ts'],
  ignoreNoDocuments: false,
  generates: {
    'explorer/src/gql/': {
      preset: 'client',
      presetConfig: {
        // The explorer reads whole answers; masked fragments would only add unwrapping.
        fragmentMasking: false,
      },
      config: {
        // Documents as strings, sent as they are: no graphql-js parse in the page.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        importExtension: '.js',
        scalars: { JSON: 'unknown' },
      },
    },
  },
};

export default config;
