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

  it('stays linear: 50,000 sibling blocks take a few parent reads each', () => {
    // Only parentNode is read: plain objects stand in for nodes (building 50,000 in happy-dom takes longer than the test).
    let reads = 0;
    const node = (parent: Node | null) => ({ get parentNode() { reads++; return parent; } }) as unknown as Node;
    const main = node(null);
    const blocks = Array.from({ length: 50_000 }, () => node(main));
    expect(outermost(blocks)).toHaveLength(50_000);
    expect(outermost([...blocks, main])).toEqual([main]);
    // Comparing every pair walked 2.5 billion parents (minutes); counted, so a loaded machine cannot fail it.
    expect(reads).toBeLessThan(10 * 100_001);
  });
});
