import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLInt, GraphQLNonNull, GraphQLString } from 'graphql';

/**
 * @defer and @stream, as the incremental delivery proposal (and @graphql-tools/executor, which
 * runs them) defines them. graphql 16 has neither; declared here, they are in the printed SDL, so
 * a client's tooling (codegen, editors) accepts documents that use them. Yoga's defer-stream
 * plugin (src/yoga.ts) adds their validation rules and leaves these definitions as they are.
 */
export const deferDirective = new GraphQLDirective({
  name: 'defer',
  description: 'Sends this fragment later, in its own part of a multipart/mixed or event-stream response, when `if` is true.',
  locations: [DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT],
  args: {
    if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true, description: 'Deferred when true (the default).' },
    label: { type: GraphQLString, description: 'Names the part that carries this fragment.' },
  },
});

export const streamDirective = new GraphQLDirective({
  name: 'stream',
  description: 'Sends the items of this list field after the first `initialCount`, each in its own part, when `if` is true.',
  locations: [DirectiveLocation.FIELD],
  args: {
    if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true, description: 'Streamed when true (the default).' },
    label: { type: GraphQLString, description: 'Names the parts that carry the streamed items.' },
    initialCount: { type: GraphQLInt, defaultValue: 0, description: 'How many items come in the first part.' },
  },
});
