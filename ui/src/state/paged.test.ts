import { describe, expect, it } from "vitest";
import { PagedList, type Page } from "./paged";

interface Row {
  id: number;
  name: string;
}

function book(size: number) {
  const calls: { offset: number; limit: number }[] = [];
  let version = "v1";
  const fetcher = async (offset: number, limit: number): Promise<Page<Row>> => {
    calls.push({ offset, limit });
    const rows: Row[] = [];
    for (let i = offset; i < Math.min(offset + limit, size); i++) rows.push({ id: i + 1, name: `${version}-${i}` });
    return { total: size, rows };
  };
  return { fetcher, calls, setVersion: (v: string) => (version = v) };
}

/** A fetcher whose answers the test releases by hand, to play out races. */
function manual() {
  const pending: { offset: number; resolve: (p: Page<Row>) => void }[] = [];
  const fetcher = (offset: number) =>
    new Promise<Page<Row>>((resolve) => {
      pending.push({ offset, resolve });
    });
  return { fetcher, pending };
}

describe("PagedList", () => {
  it("fetches only the pages a range needs, by offset, and learns the total", async () => {
    const b = book(100_000);
    const list = new PagedList<Row>(b.fetcher, { pageSize: 200 });
    await list.ensure({ start: 50_010, end: 50_030 });
    expect(b.calls).toEqual([{ offset: 50_000, limit: 200 }]);
    expect(list.total.value).toBe(100_000);
    expect(list.count).toBe(100_000);
    expect(list.rowAt(50_010)?.name).toBe("v1-50010");
    expect(list.rowAt(0)).toBeUndefined();
  });

  it("serves cached pages without asking again", async () => {
    const b = book(1000);
    const list = new PagedList<Row>(b.fetcher, { pageSize: 200 });
    await list.ensure({ start: 0, end: 50 });
    await list.ensure({ start: 10, end: 60 });
    expect(b.calls).toHaveLength(1);
  });

  it("asks once for a page requested twice while in flight", async () => {
    const m = manual();
    const list = new PagedList<Row>(m.fetcher, { pageSize: 200 });
    void list.ensure({ start: 0, end: 10 });
    void list.ensure({ start: 5, end: 20 });
    expect(m.pending).toHaveLength(1);
  });

  it("drops a response that arrives after a refresh started", async () => {
    const m = manual();
    const list = new PagedList<Row>(m.fetcher, { pageSize: 10 });
    void list.ensure({ start: 0, end: 5 });
    const stale = m.pending[0]!;
    void list.refresh();
    const fresh = m.pending[1]!;
    fresh.resolve({ total: 1, rows: [{ id: 1, name: "new" }] });
    await Promise.resolve();
    stale.resolve({ total: 3, rows: [{ id: 1, name: "old" }] });
    await new Promise((r) => setTimeout(r, 0));
    expect(list.rowAt(0)?.name).toBe("new");
    expect(list.total.value).toBe(1);
  });

  it("keeps showing old rows during a refresh, then swaps in the new ones", async () => {
    const b = book(50);
    const list = new PagedList<Row>(b.fetcher, { pageSize: 20 });
    await list.ensure({ start: 0, end: 10 });
    b.setVersion("v2");
    const done = list.refresh();
    expect(list.rowAt(3)?.name).toBe("v1-3");
    await done;
    expect(list.rowAt(3)?.name).toBe("v2-3");
  });

  it("caps scrollable rows for sources that cannot page", async () => {
    const list = new PagedList<Row>(async () => ({ total: 5000, rows: [{ id: 1, name: "a" }] }), {
      pageSize: 1000,
      maxRows: 1000,
    });
    await list.ensure({ start: 0, end: 60 });
    expect(list.total.value).toBe(5000);
    expect(list.count).toBe(1000);
  });

  it("keeps memory bounded by evicting pages far from view", async () => {
    const b = book(100_000);
    const list = new PagedList<Row>(b.fetcher, { pageSize: 100, maxPages: 3 });
    for (const start of [0, 100, 200, 300, 400]) await list.ensure({ start, end: start + 10 });
    expect(list.rowAt(0)).toBeUndefined();
    expect(list.rowAt(400)?.name).toBe("v1-400");
  });

  it("collects the rows of a range for shift-click selection, fetching what is missing", async () => {
    const b = book(1000);
    const list = new PagedList<Row>(b.fetcher, { pageSize: 100 });
    const rows = await list.rowsIn({ start: 95, end: 105 });
    expect(rows.map((r) => r.id)).toEqual([96, 97, 98, 99, 100, 101, 102, 103, 104, 105]);
    expect(list.indexOf(101)).toBe(100);
  });

  it("re-reads only the pages in view on refresh, not those a range selection read", async () => {
    const b = book(10_000);
    const list = new PagedList<Row>(b.fetcher, { pageSize: 100 });
    await list.ensure({ start: 0, end: 20 });
    await list.rowsIn({ start: 0, end: 1000 });
    b.calls.length = 0;
    await list.refresh();
    expect(b.calls).toEqual([{ offset: 0, limit: 100 }]);
  });

  it("records a failure instead of throwing, and clears it on refresh", async () => {
    let fail = true;
    const list = new PagedList<Row>(async () => {
      if (fail) throw new Error("disk on fire");
      return { total: 1, rows: [{ id: 1, name: "ok" }] };
    });
    await list.ensure({ start: 0, end: 1 });
    expect(list.error.value?.message).toBe("disk on fire");
    fail = false;
    await list.refresh();
    expect(list.error.value).toBeNull();
    expect(list.rowAt(0)?.name).toBe("ok");
  });
});
