import type { AuthorRow } from '../repositories/authors.js';
import type { PaperRow } from '../repositories/papers.js';
import { builder } from './builder.js';

/** Type references shared across entity files, so that no entity file imports another. */
export const AuthorRef = builder.objectRef<AuthorRow>('Author');
export const PaperRef = builder.objectRef<PaperRow>('Paper');

export const PaperConnection = builder.connectionObject({
  type: PaperRef,
  name: 'PaperConnection',
  description: 'A page of papers; `totalCount` counts all of them.',
});
