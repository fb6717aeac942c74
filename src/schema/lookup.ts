import { encodeGlobalID } from '@pothos/plugin-relay';
import type DataLoader from 'dataloader';
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
