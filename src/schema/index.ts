import { specifiedDirectives } from 'graphql';
import { builder } from './builder.js';
import { deferDirective, streamDirective } from './directives.js';
import './author.js';
import './paper.js';
import './organization.js';
import './topic.js';
import './source.js';
import './network.js';
import './related.js';
import './suggestions.js';
import './mutations.js';
import './identity.js';
import './analytics.js';
import './subgraph.js';

export const schema = builder.toSchema({
  // A list given here replaces graphql's own (@skip, @include, @deprecated, …): keep them.
  directives: [...specifiedDirectives, deferDirective, streamDirective],
});
