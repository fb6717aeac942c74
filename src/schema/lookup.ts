import { encodeGlobalID } from '@pothos/plugin-relay';
import type DataLoader from 'dataloader';
import { EXTERNAL_ID_EXAMPLES, normalizeExternalId, type ExternalIdKind } from '../domain/external-ids.js';
import { AmbiguousNameError, BadInputError } from '../errors/coded.js';

/**
 * The root lookups `author(id: | name:)`, `organization(id: | name:)`, `topic(id: | code:)`:
 * exactly one of the two arguments; by id, or by a key that must name exactly one node
 * (AMBIGUOUS_NAME with the candidates' global ids when it names several). Unknown: null.
 */
export async function loadByIdOrKey<Node>(options: {
  typename: string;
  keyArgument: string;
  id: { id: string } | null | undefined;
  asked: string | null | undefined;
  key: (asked: string) => string;
  nodes: DataLoader<string, Node | null>;
  idsByKey: DataLoader<string, string[]>;
}): Promise<Node | null> {
  const { typename, keyArgument, id, asked, nodes, idsByKey } = options;
  if ((id == null) === (asked == null)) throw new BadInputError(`Give exactly one of \`id\` and \`${keyArgument}\`.`);
  if (id) return nodes.load(id.id);
  const key = options.key(asked!);
  if (!key) return null;
  const ids = await idsByKey.load(key);
  if (ids.length > 1) throw new AmbiguousNameError(asked!, ids.map((found) => encodeGlobalID(typename, found)));
  return ids[0] ? nodes.load(ids[0]) : null;
}

/**
 * Which one of a root lookup's identifying arguments was given (`author(id: | name: | orcid: |
 * openalexId:)`, `paper(id: | doi: | openalexId: | arxivId:)`): exactly one, or BAD_USER_INPUT
 * naming them, and naming in `argument` the second one given (or the first allowed, when none was).
 */
export function oneArgument<Name extends string>(args: Readonly<Partial<Record<Name, unknown>>>, names: readonly Name[]): Name {
  const given = names.filter((name) => args[name] != null);
  if (given.length === 1) return given[0]!;
  const all = names.map((name) => `\`${name}\``).join(', ');
  throw new BadInputError(`Give exactly one of ${all}${given.length ? `, not ${given.map((name) => `\`${name}\``).join(' and ')}` : ''}.`, {
    argument: given[1] ?? names[0]!,
  });
}

/**
 * A root lookup by external id: the text brought to the graph's short form (src/domain/
 * external-ids.ts; BAD_USER_INPUT naming the argument when it is not such an id), then one
 * batched statement for every lookup of the request (`<argument>:<short id>` keys), whose rows
 * carry the node; the node's own loader is primed with it. Unknown: null.
 */
export async function loadByExternalId<Node extends { id: string }>(options: {
  argument: string;
  text: string;
  kind: ExternalIdKind;
  byExternalId: DataLoader<string, Node | null>;
  nodes: DataLoader<string, Node | null>;
}): Promise<Node | null> {
  const { argument, text, kind, byExternalId, nodes } = options;
  const id = normalizeExternalId(kind, text);
  if (!id) throw new BadInputError(`\`${argument}\` is not ${EXTERNAL_ID_EXAMPLES[kind]}.`, { argument });
  const node = await byExternalId.load(`${argument}:${id}`);
  if (node) nodes.prime(node.id, node);
  return node;
}
