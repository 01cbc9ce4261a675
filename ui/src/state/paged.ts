// A long list read page by page on demand: the client list with 100,000 rows never holds
// more than a few thousand of them, and a scroll to the middle asks only for the pages in
// view. Responses from before a refresh are dropped, so a slow old page can never paint
// over a newer one.

import { ref, shallowRef } from "vue";
import type { ContactId, ContactRow } from "../lib/backend";
import { pagesCovering, pagesToEvict, type RowRange } from "../lib/virtual";

export interface Page<Row> {
  total: number;
  rows: Row[];
}

/** Reads `limit` rows from `offset`; resolves with them and the size of the whole list. */
export type PageFetcher<Row> = (offset: number, limit: number) => Promise<Page<Row>>;

export interface PagedListOptions {
  pageSize?: number;
  /** Pages kept in memory; the farthest from view go first. */
  maxPages?: number;
  /** For sources that cannot page (search): only this many rows exist to scroll. */
  maxRows?: number;
}

export class PagedList<Row extends { id: number } = ContactRow> {
  readonly pageSize: number;
  readonly maxPages: number;
  readonly maxRows: number;
  /** Size of the whole list, as the latest response said. */
  readonly total = ref(0);
  /** Whether any page of the current generation has arrived. */
  readonly loaded = ref(false);
  readonly error = shallowRef<Error | null>(null);

  private readonly fetcher: PageFetcher<Row>;
  private pages = new Map<number, Row[]>();
  /** Pages read since the last refresh; others are shown but fetched again when in view. */
  private fresh = new Set<number>();
  private inflight = new Map<number, Promise<void>>();
  private generation = 0;
  private inUse: number[] = [];
  // Reading a row subscribes to this; bumped whenever pages change.
  private readonly tick = ref(0);

  constructor(fetcher: PageFetcher<Row>, options: PagedListOptions = {}) {
    this.fetcher = fetcher;
    this.pageSize = options.pageSize ?? 200;
    this.maxPages = options.maxPages ?? 40;
    this.maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  }

  /** Rows one can scroll through (the total, unless the source caps it). */
  get count(): number {
    return Math.min(this.total.value, this.maxRows);
  }

  /** The row at `index`, or undefined while its page is not here. */
  rowAt(index: number): Row | undefined {
    void this.tick.value;
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** Index of a row already in memory, or -1. */
  indexOf(id: ContactId): number {
    void this.tick.value;
    for (const [p, rows] of this.pages) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return p * this.pageSize + i;
    }
    return -1;
  }

  /**
   * Makes sure the pages holding `range` are here (fetching what is missing or stale).
   * `inView` marks them as the pages on screen, which a refresh reads again and eviction
   * spares; a one-off read (a shift-click range) passes false.
   */
  ensure(range: RowRange, inView = true): Promise<void> {
    const limit = Number.isFinite(this.maxRows) ? this.maxRows : Number.POSITIVE_INFINITY;
    const clamped = { start: Math.max(0, range.start), end: Math.min(range.end, limit) };
    const wanted = pagesCovering(clamped, this.pageSize);
    if (inView && wanted.length) this.inUse = wanted;
    const waits: Promise<void>[] = [];
    for (const p of wanted) {
      if (this.fresh.has(p)) continue;
      waits.push(this.inflight.get(p) ?? this.fetchPage(p));
    }
    return Promise.all(waits).then(() => undefined);
  }

  /** The rows of `range`, fetching their pages first. */
  async rowsIn(range: RowRange): Promise<Row[]> {
    await this.ensure(range, false);
    const out: Row[] = [];
    for (let i = range.start; i < Math.min(range.end, this.count); i++) {
      const row = this.rowAt(i);
      if (row) out.push(row);
    }
    return out;
  }

  /** Resolves when the pages being read now have arrived. */
  settled(): Promise<void> {
    return Promise.all(this.inflight.values()).then(() => undefined);
  }

  /**
   * Reads the pages in view again (after an edit elsewhere). What is on screen stays until
   * the new pages arrive, so the list does not flash empty.
   */
  refresh(): Promise<void> {
    this.generation++;
    this.fresh.clear();
    this.inflight.clear();
    this.error.value = null;
    const inUse = this.inUse.length ? this.inUse : [0];
    // Pages out of view would be stale; drop them now rather than show old rows later.
    for (const p of [...this.pages.keys()]) if (!inUse.includes(p)) this.pages.delete(p);
    return Promise.all(inUse.map((p) => this.fetchPage(p))).then(() => undefined);
  }

  private fetchPage(page: number): Promise<void> {
    const generation = this.generation;
    const task = this.fetcher(page * this.pageSize, this.pageSize).then(
      (result) => {
        if (generation !== this.generation) return;
        this.inflight.delete(page);
        this.total.value = result.total;
        this.pages.set(page, result.rows);
        this.fresh.add(page);
        this.loaded.value = true;
        this.evict();
        this.tick.value++;
      },
      (e: unknown) => {
        if (generation !== this.generation) return;
        this.inflight.delete(page);
        this.error.value = e instanceof Error ? e : new Error(String(e));
      },
    );
    this.inflight.set(page, task);
    return task;
  }

  private evict(): void {
    for (const p of pagesToEvict([...this.pages.keys()], this.inUse, this.maxPages)) {
      this.pages.delete(p);
      this.fresh.delete(p);
    }
  }
}
