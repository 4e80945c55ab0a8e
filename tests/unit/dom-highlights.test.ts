import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAME, MAX_HIGHLIGHTS, paintHighlights } from '../../lib/dom/highlights';

// happy-dom has no Highlight API: a registry and a Highlight that keep what they are given.
class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

describe('paintHighlights', () => {
  beforeEach(() => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: new Map<string, FakeHighlight>() });
  });
  afterEach(() => vi.unstubAllGlobals());

  const ranges = (n: number) => Array.from({ length: n }, () => document.createRange());

  it(`paints at most ${MAX_HIGHLIGHTS} ranges, the first ones given`, () => {
    const all = ranges(MAX_HIGHLIGHTS * 50);
    paintHighlights(all);
    const painted = CSS.highlights.get(HIGHLIGHT_NAME) as unknown as FakeHighlight;
    expect(painted.size).toBe(MAX_HIGHLIGHTS);
    expect([...painted]).toEqual(all.slice(0, MAX_HIGHLIGHTS));
  });

  it('paints every range below the cap, and clears with none', () => {
    paintHighlights(ranges(3));
    expect((CSS.highlights.get(HIGHLIGHT_NAME) as unknown as FakeHighlight).size).toBe(3);
    paintHighlights([]);
    expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
  });
});
