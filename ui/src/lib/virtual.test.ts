import { describe, expect, it } from "vitest";
import { pagesCovering, pagesToEvict, scrollTopToReveal, spanBetween, visibleRange } from "./virtual";

describe("visibleRange", () => {
  it("covers the rows in view plus overscan at the top of the list", () => {
    expect(visibleRange(0, 440, 44, 100_000, 5)).toEqual({ start: 0, end: 16 });
  });

  it("starts at the first row cut by the top edge, deep in a 100,000-row list", () => {
    // 50,000 rows down, scrolled 10 px into row 50,000.
    const r = visibleRange(50_000 * 44 + 10, 440, 44, 100_000, 0);
    expect(r.start).toBe(50_000);
    expect(r.end).toBe(50_011);
  });

  it("never runs past the end of the list", () => {
    expect(visibleRange(99_990 * 44, 880, 44, 100_000, 8)).toEqual({ start: 99_982, end: 100_000 });
  });

  it("is empty for an empty list or a nonsense row height", () => {
    expect(visibleRange(0, 500, 44, 0, 5)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(0, 500, 0, 10, 5)).toEqual({ start: 0, end: 0 });
  });

  it("treats an elastic negative scroll as the top", () => {
    expect(visibleRange(-30, 88, 44, 10, 0)).toEqual({ start: 0, end: 3 });
  });
});

describe("pagesCovering", () => {
  it("names every page touched by the range", () => {
    expect(pagesCovering({ start: 0, end: 200 }, 200)).toEqual([0]);
    expect(pagesCovering({ start: 199, end: 201 }, 200)).toEqual([0, 1]);
    expect(pagesCovering({ start: 50_010, end: 50_030 }, 200)).toEqual([250]);
  });

  it("is empty for an empty range", () => {
    expect(pagesCovering({ start: 5, end: 5 }, 200)).toEqual([]);
  });
});

describe("pagesToEvict", () => {
  it("keeps everything under the limit", () => {
    expect(pagesToEvict([0, 1, 2], [1], 5)).toEqual([]);
  });

  it("drops the pages farthest from the ones in view, never those in view", () => {
    const evicted = pagesToEvict([0, 1, 2, 40, 41, 90], [40, 41], 3);
    expect(evicted).toEqual([90, 0, 1]);
    expect(evicted).not.toContain(40);
    expect(evicted).not.toContain(41);
  });
});

describe("scrollTopToReveal", () => {
  it("does not move when the row is already in view", () => {
    expect(scrollTopToReveal(3, 0, 440, 44)).toBeNull();
  });

  it("scrolls up to a row above the view and down to one below it", () => {
    expect(scrollTopToReveal(2, 440, 440, 44)).toBe(88);
    expect(scrollTopToReveal(12, 0, 440, 44)).toBe(13 * 44 - 440);
  });
});

describe("spanBetween", () => {
  it("includes both ends whichever order they were clicked in", () => {
    expect(spanBetween(7, 3)).toEqual({ start: 3, end: 8 });
    expect(spanBetween(3, 7)).toEqual({ start: 3, end: 8 });
  });
});
