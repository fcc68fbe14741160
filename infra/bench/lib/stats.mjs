// Figures of a bench run.

/** The p-th percentile (p from 0 to 100) of ascending values (nearest rank, rounded down). */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The same for p from 0 to 1; NaN when there are no values. */
export const quantile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A whole number with thousands separators. */
export const fmt = (n) => Math.round(n).toLocaleString('en-US');
