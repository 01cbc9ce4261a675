// Arithmetic of a fixed-row-height virtual list and of the page cache behind it. Kept
// free of Vue and the DOM so it can be tested exactly.

/** Half-open range of row indices: `start` included, `end` excluded. */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * Rows to render for a scroll position: the rows in view plus `overscan` on each side,
 * clamped to `[0, count)`.
 */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 0,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = clamp(first - overscan, 0, count);
  const end = clamp(first + inView + overscan, start, count);
  return { start, end };
}

/** Indices of the pages of `pageSize` rows that hold any row of `range`. */
export function pagesCovering(range: RowRange, pageSize: number): number[] {
  if (range.end <= range.start || pageSize <= 0) return [];
  const first = Math.floor(range.start / pageSize);
  const last = Math.floor((range.end - 1) / pageSize);
  const out: number[] = [];
  for (let p = first; p <= last; p++) out.push(p);
  return out;
}

/**
 * Which cached pages to drop so that at most `keep` remain: the ones farthest from the
 * pages in use, which are never dropped.
 */
export function pagesToEvict(cached: number[], inUse: number[], keep: number): number[] {
  if (cached.length <= keep) return [];
  if (inUse.length === 0) return [...cached].sort((a, b) => a - b).slice(0, cached.length - keep);
  const lo = Math.min(...inUse);
  const hi = Math.max(...inUse);
  const distance = (p: number) => (p < lo ? lo - p : p > hi ? p - hi : 0);
  return cached
    .filter((p) => distance(p) > 0)
    .sort((a, b) => distance(b) - distance(a) || a - b)
    .slice(0, cached.length - keep);
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement, or
 * `null` when it is already visible.
 */
export function scrollTopToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** Inclusive index range between two rows clicked in either order. */
export function spanBetween(a: number, b: number): RowRange {
  return { start: Math.min(a, b), end: Math.max(a, b) + 1 };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
