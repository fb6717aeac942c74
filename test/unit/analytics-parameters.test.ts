import { describe, expect, it } from 'vitest';
import { AnalyticsError, parseParameters, type AnalyticsInput } from '../../src/analytics/run.js';

/** The analytics job's parameters: defaults, bounds, and the error a caller gets (no database). */

const refusal = (input: unknown) => {
  try {
    parseParameters(input as AnalyticsInput);
  } catch (error) {
    return error as AnalyticsError;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
};

describe('parseParameters', () => {
  it('fills in the documented defaults', () => {
    expect(parseParameters()).toEqual({
      yearFrom: null,
      yearTo: null,
      minSharedPapers: 1,
      maxAuthorsPerPaper: 100,
      betweennessSamples: 256,
      resolution: 4,
      randomSeed: 42,
      concurrency: 4,
    });
  });

  it('keeps what is given, null betweennessSamples (exact) and equal years included', () => {
    const input = { yearFrom: 2019, yearTo: 2019, minSharedPapers: 3, maxAuthorsPerPaper: 2, betweennessSamples: null, resolution: 1, randomSeed: 0, concurrency: 1 };
    expect(parseParameters(input)).toEqual(input);
    expect(parseParameters({ maxAuthorsPerPaper: 10_000, minSharedPapers: 1_000, betweennessSamples: 1_000_000, concurrency: 4 })).toMatchObject({
      maxAuthorsPerPaper: 10_000,
      minSharedPapers: 1_000,
      betweennessSamples: 1_000_000,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['more threads than the open edition of GDS allows', { concurrency: 5 }, 'concurrency'],
    ['no threads', { concurrency: 0 }, 'concurrency'],
    ['links from no shared paper', { minSharedPapers: 0 }, 'minSharedPapers'],
    ['a byline cap that allows no pair', { maxAuthorsPerPaper: 1 }, 'maxAuthorsPerPaper'],
    ['a byline cap above 10,000', { maxAuthorsPerPaper: 10_001 }, 'maxAuthorsPerPaper'],
    ['zero betweenness samples (null means exact)', { betweennessSamples: 0 }, 'betweennessSamples'],
    ['a negative seed', { randomSeed: -1 }, 'randomSeed'],
    ['a resolution of 0', { resolution: 0 }, 'resolution'],
    ['a year before 1000', { yearFrom: 999 }, 'yearFrom'],
    ['a year after 3000', { yearTo: 3001 }, 'yearTo'],
    ['yearFrom after yearTo', { yearFrom: 2021, yearTo: 2020 }, 'yearFrom'],
    ['a fraction', { minSharedPapers: 1.5 }, 'minSharedPapers'],
    ['a string for a number', { yearFrom: '2020' }, 'yearFrom'],
  ])('refuses %s with BAD_USER_INPUT naming the parameter', (_, input, path) => {
    const error = refusal(input);
    expect(error).toBeInstanceOf(AnalyticsError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(new RegExp(`^Invalid analytics parameters: .*\\b${path}: `));
  });

  it('names every problem at once', () => {
    const error = refusal({ concurrency: 9, minSharedPapers: 0 });
    expect(error.message).toContain('concurrency: ');
    expect(error.message).toContain('minSharedPapers: ');
  });
});
