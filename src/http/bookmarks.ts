import type { Plugin } from 'graphql-yoga';
import { BadInputError } from '../errors/coded.js';
import { BOOKMARK_HEADER, INVALID_BOOKMARK } from '../errors/database.js';
import { errorResponse } from '../errors/graphql.js';
import { requestScopeOf } from '../request-scope.js';

/**
 * Reading your own writes across copies of the server (README, "Scaling out"). A mutation's
 * response carries the bookmark of its write in this header; a client that sends it back on a
 * later request, to any copy, has that request's reads follow it: on a cluster, a follower or read
 * replica answers only once it has the write (src/db/read.ts). Requests without it wait for nothing.
 *
 * The header is checked here, before anything runs: a few short tokens of the characters Neo4j's
 * bookmarks use ("FB:" and base64), comma-separated. One that passes but that Neo4j cannot read
 * is refused by Neo4j, with the same answer (src/errors/mask.ts).
 */
export { BOOKMARK_HEADER, INVALID_BOOKMARK };

/** Neo4j 5's are about 32 characters for one database; room for other versions and a few databases. */
const MAX_BOOKMARKS = 8;
const BOOKMARK = /^[A-Za-z0-9+/=:_.-]{1,256}$/;

/** The bookmarks a header value holds, or undefined when it is not a list of bookmarks. */
export function parseBookmarks(value: string): string[] | undefined {
  const bookmarks = value.split(',').map((part) => part.trim());
  if (bookmarks.length > MAX_BOOKMARKS || !bookmarks.every((bookmark) => BOOKMARK.test(bookmark))) return undefined;
  return [...new Set(bookmarks)];
}

export function useBookmarks(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const value = request.headers.get(BOOKMARK_HEADER);
      if (value === null) return;
      const bookmarks = parseBookmarks(value);
      const scope = requestScopeOf(request);
      if (bookmarks && scope) {
        scope.bookmarks = bookmarks;
        return;
      }
      const error = new BadInputError(
        `${BOOKMARK_HEADER} must be the header value a mutation's response carried: at most ${MAX_BOOKMARKS} comma-separated bookmarks.`,
        { reason: INVALID_BOOKMARK },
      );
      scope?.errorCodes.push(error.code);
      endResponse(errorResponse(fetchAPI, error, { 'content-type': 'application/json' }));
    },
    onResponse({ request, response }) {
      const written = requestScopeOf(request)?.written;
      if (written?.length) response.headers.set(BOOKMARK_HEADER, written.join(','));
    },
  };
}
