import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may write: a caller that presents one of the configured API tokens, as
 * `Authorization: Bearer <token>` or `X-API-Key: <token>`. Reads need no token.
 */
export interface Auth {
  authenticated: boolean;
  /**
   * Which configured token a caller presented, as a name safe to store and show: `token:` and
   * the first 12 hex digits of its SHA-256 (tokens have no names of their own; the digest tells
   * operators' tokens apart without revealing any). Null when not authenticated.
   */
  subject: string | null;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

const SUBJECT_DIGITS = 12;

export function createAuthenticator(tokens: readonly string[]) {
  // Compare digests of equal length in constant time, so response timing reveals nothing.
  const known = tokens.map(digest);
  return (headers: Headers): Auth => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1];
    const presented = bearer ?? headers.get('x-api-key')?.trim();
    if (!presented) return { authenticated: false, subject: null };
    const candidate = digest(presented);
    const authenticated = known.some((token) => timingSafeEqual(token, candidate));
    return { authenticated, subject: authenticated ? `token:${candidate.toString('hex').slice(0, SUBJECT_DIGITS)}` : null };
  };
}
