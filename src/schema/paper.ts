import { builder } from './builder.js';
import { AuthorRef, PaperRef } from './refs.js';

builder.node(PaperRef, {
  description: 'A publication: a preprint, a conference or a journal paper.',
  id: { resolve: (paper) => paper.id },
  loadMany: (ids, { loaders }) => ids.map((id) => loaders.paper.load(id)),
  fields: (t) => ({
    title: t.exposeString('title'),
    year: t.exposeInt('year'),
    publishedOn: t.exposeString('publishedOn', { nullable: true, description: 'ISO date (YYYY-MM-DD) where known.' }),
    authors: t.field({
      type: [AuthorRef],
      description: 'Authors in byline order; those at an unknown position come last.',
      resolve: async (paper, _args, { loaders }) => {
        const byline = await loaders.byline.load(paper.id);
        for (const author of byline) loaders.author.prime(author.id, { id: author.id, name: author.name });
        return byline;
      },
    }),
  }),
});
