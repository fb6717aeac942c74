import { builder } from './builder.js';
import './author.js';
import './paper.js';

export const schema = builder.toSchema();
