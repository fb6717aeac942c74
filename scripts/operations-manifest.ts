import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import * as ExplorerOperations from '../explorer/src/operations.js';
import { EXAMPLE_OPERATIONS } from '../src/http/example-operations.js';
import { operationId, type OperationManifest, type PersistedOperation } from '../src/http/persisted-operations.js';

/**
 * What schema/persisted-operations.json lists: every operation the explorer sends
 * (explorer/src/operations.ts, as GraphQL Code Generator printed it in explorer/src/gql/) and the
 * README's examples, which are GraphiQL's tabs (src/http/example-operations.ts), each under the
 * hash of its text exactly as it is sent.
 */
export function collectOperations(): PersistedOperation[] {
  const bodies = [...explorerDocuments(), ...EXAMPLE_OPERATIONS.map(({ query }) => query)];
  const byId = new Map<string, PersistedOperation>();
  for (const body of bodies) {
    const operations = parse(body).definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    const [operation] = operations;
    if (operations.length !== 1 || !operation?.name) throw new Error(`Each persisted document holds one named operation:\n${body}`);
    const id = operationId(body);
    byId.set(id, { id, name: operation.name.value, type: operation.operation, body });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function renderManifest(operations: PersistedOperation[] = collectOperations()): string {
  const manifest: OperationManifest = { format: 'apollo-persisted-query-manifest', version: 1, operations };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The text the explorer sends for each of its operations. */
export function explorerDocuments(): string[] {
  return Object.entries(ExplorerOperations).map(([name, document]) => {
    // graphql() answers {} for a text that codegen has not seen.
    if (!(document instanceof String)) throw new Error(`explorer/src/gql/ does not know ${name} as it is now written: run npm run operations:persist`);
    return document.toString();
  });
}
