import { builder } from './builder.js';
import './author.js';
import './paper.js';
import './organization.js';
import './topic.js';
import './source.js';
import './network.js';
import './mutations.js';
import './analytics.js';
import './subgraph.js';

export const schema = builder.toSchema();
