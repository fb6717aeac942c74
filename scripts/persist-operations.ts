/**
 * `npm run operations:persist`: runs GraphQL Code Generator (codegen.ts), which writes the
 * explorer's typed documents to explorer/src/gql/, then writes schema/persisted-operations.json
 * from those documents and the API docs' example operations. Run it after changing either.
 */
import { writeFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';
import { PERSISTED_OPERATIONS_FILE } from '../src/http/persisted-operations.js';

await generate(config, true);
// Imported only now: the manifest reads the documents just generated.
const { collectOperations, renderManifest } = await import('./operations-manifest.js');
const operations = collectOperations();
writeFileSync(PERSISTED_OPERATIONS_FILE, renderManifest(operations));
console.log(`Wrote ${operations.length} operations to ${PERSISTED_OPERATIONS_FILE}`);
