/**
 * The statistics of every benchmark: one quantile, so that a "median" or a "p95" means the same
 * in every report.
 *
 * Quantiles interpolate linearly between the two nearest ranks (the definition of numpy's and
 * R's defaults): the median of an even count is the mean of the middle two, and p100 is the
 * maximum. Values that are not finite numbers (a figure that could not be read: null, NaN) are
 * left out; with none left, the answer is NaN.
 */
export function quantiles(values: readonly (number | null)[], qs: readonly number[]): number[] {
  const sorted = values.filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  return qs.map((q) => {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: expected 0 <= q <= 1, got ${q}`);
    if (sorted.length === 0) return Number.NaN;
    const position = q * (sorted.length - 1);
    const below = Math.floor(position);
    const above = Math.ceil(position);
    return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
  });
}

export const quantile = (values: readonly (number | null)[], q: number): number => quantiles(values, [q])[0]!;

export const median = (values: readonly (number | null)[]): number => quantile(values, 0.5);

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** `value` rounded to `digits` decimals, as a number (for JSON figures). */
export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
