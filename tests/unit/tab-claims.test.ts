import { describe, expect, it } from 'vitest';
import { mergeClaims, TabClaims } from '../../lib/tab-claims';

const a = (count: number) => ({ id: 'a', title: 'A', count });
const b = (count: number) => ({ id: 'b', title: 'B', count });

describe('claims across frames', () => {
  it('merges by id and adds up occurrences', () => {
    expect(mergeClaims([[a(1), b(2)], [a(3)], []])).toEqual([a(4), b(2)]);
  });

  it('keeps the last report of each frame, and tells the top page what its frames found', () => {
    const tabs = new TabClaims();
    expect(tabs.report(1, 0, [a(1)])).toEqual({ all: [a(1)], subframes: [] });
    expect(tabs.report(1, 7, [a(2), b(1)])).toEqual({ all: [a(3), b(1)], subframes: [a(2), b(1)] });
    expect(tabs.report(1, 7, [b(1)])).toEqual({ all: [a(1), b(1)], subframes: [b(1)] });
    expect(tabs.report(2, 0, [b(5)]).all).toEqual([b(5)]);
    expect(tabs.report(1, 0, []).all).toEqual([b(1)]);
    expect(tabs.all(1)).toEqual([b(1)]);
    tabs.forget(1);
    expect(tabs.all(1)).toEqual([]);
    expect(tabs.report(1, 0, []).all).toEqual([]);
  });
});
