import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/auth.js';
import { loadConfig } from '../../src/config.js';

const TOKEN = 'a'.repeat(40);
const authenticate = createAuthenticator([TOKEN, 'b'.repeat(32)]);
const headers = (entries: Record<string, string>) => new Headers(entries);

describe('API tokens', () => {
  it('accept a configured token as bearer or X-API-Key', () => {
    expect(authenticate(headers({ authorization: `Bearer ${TOKEN}` })).authenticated).toBe(true);
    expect(authenticate(headers({ authorization: `bearer ${'b'.repeat(32)}` })).authenticated).toBe(true);
    expect(authenticate(headers({ 'x-api-key': TOKEN })).authenticated).toBe(true);
  });

  it('refuse missing, forged and malformed credentials', () => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { authorization: 'Bearer ' }, { 'x-api-key': 'nope' }];
    for (const entries of attempts) {
      expect(authenticate(headers(entries)).authenticated).toBe(false);
    }
    expect(createAuthenticator([])(headers({ authorization: `Bearer ${TOKEN}` })).authenticated).toBe(false);
  });

  it('name the token a caller presented by a digest prefix, never the token, and nobody when refused', () => {
    const first = authenticate(headers({ authorization: `Bearer ${TOKEN}` })).subject;
    expect(first).toMatch(/^token:[0-9a-f]{12}$/);
    expect(authenticate(headers({ 'x-api-key': TOKEN })).subject).toBe(first);
    expect(authenticate(headers({ 'x-api-key': 'b'.repeat(32) })).subject).not.toBe(first);
    expect(first).not.toContain(TOKEN.slice(0, 12));
    expect(authenticate(headers({ authorization: `Bearer ${TOKEN}x` })).subject).toBeNull();
    expect(authenticate(headers({})).subject).toBeNull();
  });

  it('are configured as a comma-separated list of long secrets', () => {
    expect(loadConfig({ API_TOKENS: `${TOKEN}, ${'c'.repeat(32)}` }).apiTokens).toEqual([TOKEN, 'c'.repeat(32)]);
    expect(loadConfig({}).apiTokens).toEqual([]);
    expect(() => loadConfig({ API_TOKENS: 'short' })).toThrow(/API_TOKENS/);
  });
});
