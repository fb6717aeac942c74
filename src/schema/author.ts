import { encodeGlobalID } from '@pothos/plugin-relay';
import { normalizeKey } from '../domain/normalize.js';
import { builder } from './builder.js';
import { ambiguousName, badUserInput } from './errors.js';
import { pageWindow, toConnection } from './pagination.js';
import { AuthorRef, PaperConnection } from './refs.js';

builder.node(AuthorRef, {
  description: 'A person who wrote papers.',
  id: { resolve: (author) => author.id },
  loadMany: (ids, { loaders }) => ids.map((id) => loaders.author.load(id)),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name as a source spelled it.' }),
    papers: t.field({
      type: PaperConnection,
      description: 'Papers by this author, newest first.',
      args: {
        first: t.arg.int({ description: 'Page size, 1 to 100 (default 20).' }),
        after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
        sharedWith: t.arg.globalIDList({
          for: AuthorRef,
          description: 'Only papers that every one of these authors also wrote.',
        }),
      },
      resolve: async (author, args, { loaders }) => {
        const window = pageWindow(args);
        const sharedWith = [...new Set((args.sharedWith ?? []).map((other) => other.id))].sort();
        const request = { authorId: author.id, sharedWith };
        const rows = await loaders.authorPapersPage.load({ ...request, after: window.after, limit: window.limit });
        return toConnection(rows, window, () => loaders.authorPaperCount.load(request));
      },
    }),
  }),
});

builder.queryField('author', (t) =>
  t.field({
    type: AuthorRef,
    nullable: true,
    description:
      'One author, by id or by name. Names match ignoring case, accents and extra spaces; ' +
      'a name several authors share is an AMBIGUOUS_NAME error listing their ids. Unknown: null.',
    args: {
      id: t.arg.globalID({ for: AuthorRef }),
      name: t.arg.string(),
    },
    resolve: async (_root, { id, name }, { loaders }) => {
      if ((id == null) === (name == null)) throw badUserInput('Give exactly one of `id` and `name`.');
      if (id) return loaders.author.load(id.id);
      const ids = await loaders.authorIdsByNameKey.load(normalizeKey(name ?? ''));
      if (ids.length > 1) throw ambiguousName(name ?? '', ids.map((authorId) => encodeGlobalID(AuthorRef.name, authorId)));
      return ids[0] ? loaders.author.load(ids[0]) : null;
    },
  }),
);
