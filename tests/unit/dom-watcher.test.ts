import { describe, expect, it } from 'vitest';
import { containsDeep, outermost } from '../../lib/dom/watcher';

describe('outermost', () => {
  it('drops roots inside other roots, across shadow roots, and keeps the order', () => {
    document.body.innerHTML = '<div id="a"><p id="b"><b id="c">x</b></p></div><p id="d">y</p><div id="host"></div>';
    const $ = (id: string) => document.getElementById(id)!;
    const inner = $('host').attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>z</p>';
    const shadowP = inner.firstElementChild!;
    expect(outermost([$('c'), $('d'), $('a'), shadowP, $('b'), $('host')])).toEqual([$('d'), $('a'), $('host')]);
    expect(outermost([shadowP, $('b')])).toEqual([shadowP, $('b')]);
    expect(containsDeep($('host'), shadowP)).toBe(true);
  });

  it('stays linear: 50,000 sibling blocks in well under a second', () => {
    // Only parentNode is read: plain objects stand in for nodes (building 50,000 in happy-dom takes longer than the test).
    const main = { parentNode: null } as unknown as Node;
    const blocks = Array.from({ length: 50_000 }, () => ({ parentNode: main }) as unknown as Node);
    const started = performance.now();
    expect(outermost(blocks)).toHaveLength(50_000);
    expect(outermost([...blocks, main])).toEqual([main]);
    // Comparing every pair (2.5 billion walks) took minutes.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
