import { SEARCH_RANKING } from '../domain/search.js';
import { searchArgument } from '../errors/arguments.js';
import { pageArgs } from './args.js';
import { builder } from './builder.js';
import { pageCost } from './cost.js';
import { loadByIdOrKey } from './lookup.js';
import { loadConnection, loadRootConnection } from './pagination.js';
import { PaperConnection, TopAuthorConnection, TopicConnection, TopicRef, YearCountRef } from './refs.js';

builder.node(TopicRef, {
  description: 'What papers are about: an arXiv category, an OpenAlex topic, a keyword.',
  id: { resolve: (topic) => topic.id },
  loadMany: (ids, { loaders }) => ids.map((id) => loaders.topic.load(id)),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, e.g. "Machine Learning".' }),
    code: t.exposeString('code', { nullable: true, description: 'The code in its scheme, e.g. cs.LG.' }),
    scheme: t.exposeString('scheme', { description: 'The vocabulary it comes from: arxiv, openalex or keyword.' }),
    papers: t.field({
      type: PaperConnection,
      complexity: pageCost,
      description: 'Papers on this topic, newest first.',
      args: pageArgs,
      resolve: (topic, page, { loaders }) => loadConnection(loaders.topicPapers, loaders.paper, { parentId: topic.id }, page),
    }),
    trend: t.field({
      type: [YearCountRef],
      description: 'Papers on this topic per year, oldest year first.',
      resolve: (topic, _args, { loaders }) => loaders.topicTrend.load(topic.id),
    }),
    topAuthors: t.field({
      type: TopAuthorConnection,
      complexity: pageCost,
      description: 'Authors with the most papers on this topic.',
      args: pageArgs,
      resolve: (topic, page, { loaders }) => loadConnection(loaders.topicTopAuthors, loaders.author, { parentId: topic.id }, page),
    }),
  }),
});

builder.queryFields((t) => ({
  topic: t.field({
    type: TopicRef,
    nullable: true,
    description: 'One topic, by id or by code (e.g. "cs.LG"; AMBIGUOUS_NAME when two schemes share it). Unknown: null.',
    args: { id: t.arg.globalID({ description: 'Global id of the topic. Give `id` or `code`, not both.', for: TopicRef }), code: t.arg.string({ description: 'The code in its scheme, e.g. "cs.LG".' }) },
    resolve: (_root, { id, code }, { loaders }) =>
      loadByIdOrKey({
        typename: 'Topic', keyArgument: 'code', id, asked: code, key: (asked) => asked.trim(), nodes: loaders.topic, idsByKey: loaders.topicIdsByCode,
      }),
  }),
  topics: t.field({
    type: TopicConnection,
    complexity: pageCost,
    description: `Topics by name, optionally of one scheme; with \`search\`, those whose name has its words. ${SEARCH_RANKING('the topic of more papers')} (For topics, the exact name ignores case only.)`,
    args: {
      scheme: t.arg.string({ description: 'Only topics of this scheme, e.g. "arxiv" or "openalex".' }),
      search: t.arg.string({ description: 'Words of the name, the last may be the start of a word (at least one letter or digit); without it, all topics by name.' }),
      ...pageArgs,
    },
    resolve: (_root, { scheme, search, ...page }, { loaders, repositories }) =>
      search == null
        ? loadRootConnection(repositories.topics.list, loaders.topic, { scheme: scheme ?? null }, page)
        : loadRootConnection(repositories.topics.search, loaders.topic, { scheme: scheme ?? null, ...searchArgument(search) }, page),
  }),
}));
