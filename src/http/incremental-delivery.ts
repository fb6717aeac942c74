import { BREAK, visit, type DocumentNode } from 'graphql';

const known = new WeakMap<DocumentNode, boolean>();

/**
 * Whether a document asks for incremental delivery (@defer or @stream). graphql-jit compiles
 * neither: it would run such a document whole and answer in one part. Those documents go to
 * yoga's own executor (@graphql-tools/executor), which sends the parts as they are ready.
 * Remembered per parsed document: yoga's parse cache hands the same object to every request
 * that sends the same text, so the walk happens once per document, not per request.
 */
export function usesIncrementalDelivery(document: DocumentNode): boolean {
  let uses = known.get(document);
  if (uses === undefined) {
    uses = false;
    visit(document, {
      Directive(node) {
        if (node.name.value !== 'defer' && node.name.value !== 'stream') return undefined;
        uses = true;
        return BREAK;
      },
    });
    known.set(document, uses);
  }
  return uses;
}
