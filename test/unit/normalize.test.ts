import { describe, expect, it } from 'vitest';
import { authorIdFromName, normalizeKey, slug } from '../../src/domain/normalize.js';

describe('normalizeKey', () => {
  it('folds case, spacing, accents and punctuation', () => {
    expect(normalizeKey('  Baixu   CHEN ')).toBe('baixu chen');
    expect(normalizeKey('Báixu Chén')).toBe('baixu chen');
    expect(normalizeKey('Jean-Pierre  O’Neil')).toBe('jean pierre o neil');
    expect(normalizeKey('Zoë Ångström')).toBe('zoe angstrom');
  });

  it('keeps letters of other scripts', () => {
    expect(normalizeKey('陈 柏旭')).toBe('陈 柏旭');
  });

  it('makes ids from names', () => {
    expect(slug('Baixu Chen')).toBe('baixu-chen');
    expect(authorIdFromName('baixu  chen')).toBe(authorIdFromName('Baixu Chen'));
  });
});
