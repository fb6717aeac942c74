import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may write: a caller that presents one of the configured API tokens, as
 * `Authorization: Bearer <token>` or `X-API-Key: <token>`. Reads need no token.
 */
export interface Auth {
  authenticated: boolean;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

export function createAuthenticator(tokens: readonly string[]) {
  // Compare digests of equal length in constant time, so response timing reveals nothing.
  const known = tokens.map(digest);
  return (headers: Headers): Auth => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1];
    const presented = bearer ?? headers.get('x-api-key')?.trim();
    if (!presented) return { authenticated: false };
    const candidate = digest(presented);
    return { authenticated: known.some((token) => timingSafeEqual(token, candidate)) };
  };
}
