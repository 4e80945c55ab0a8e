import { describe, expect, it } from 'vitest';
import { highlightCss, paintedTags } from '../../lib/dom/highlight-style';

function rangeOver(el: Element, from: number, to: number): Range {
  // Offsets into the element's text, across its text nodes.
  const walker = document.createTreeWalker(el, 4);
  const range = document.createRange();
  let seen = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const end = seen + n.data.length;
    if (from >= seen && from <= end) range.setStart(n, from - seen);
    if (to >= seen && to <= end) {
      range.setEnd(n, to - seen);
      break;
    }
    seen = end;
  }
  return range;
}

describe('paintedTags', () => {
  it('names the elements holding the text of each range, across inline elements, leaving out known ones', () => {
    document.body.innerHTML = '<p id="p">Austerity <b>killed</b> 130,000 <a href="#">people</a>.</p><li id="li">one</li>';
    const p = document.getElementById('p')!;
    expect(paintedTags([rangeOver(p, 0, 16)], new Set()).sort()).toEqual(['b', 'p']);
    expect(paintedTags([rangeOver(p, 0, 30)], new Set(['p'])).sort()).toEqual(['a', 'b']);
    expect(paintedTags([rangeOver(document.getElementById('li')!, 0, 3)], new Set())).toEqual(['li']);
  });

  it('names the hosts of a shadow tree the text sits in, which pass their highlight style on to it', () => {
    document.body.innerHTML = '<x-card id="host"></x-card>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Austerity killed 130,000 people.</p>';
    expect(paintedTags([rangeOver(shadow.firstElementChild!, 0, 16)], new Set()).sort()).toEqual(['p', 'x-card']);
  });

  it('leaves out names a rule could not hold as they are', () => {
    document.body.innerHTML = '';
    const odd = document.createElementNS('http://example.org/ns', 'Weird:Tag{x}');
    odd.textContent = 'text';
    document.body.append(odd);
    expect(paintedTags([rangeOver(odd, 0, 4)], new Set())).toEqual([]);
  });
});

describe('highlightCss', () => {
  it('scopes every rule to the given tag names', () => {
    const css = highlightCss(['p', 'li']);
    expect(css).toContain('p::highlight(context-lens), li::highlight(context-lens) {');
    expect(css).toContain('p::highlight(context-lens-active), li::highlight(context-lens-active) {');
    // No rule for every element: each ::highlight follows a tag name.
    expect(css).not.toMatch(/(^|[\s,{])::highlight/);
  });

  it('drops names that are not plain tag names, and gives nothing for none', () => {
    expect(highlightCss(['p} body { color: red', 'p'])).not.toContain('color: red');
    expect(highlightCss([])).toBe('');
    expect(highlightCss(['*'])).toBe('');
  });
});

describe('the style-highlights message', () => {
  it('carries plain tag names only, and not too many', async () => {
    const { parseMessage } = await import('../../lib/messages');
    expect(parseMessage({ type: 'style-highlights', tags: ['p', 'my-element'] })).not.toBeNull();
    expect(parseMessage({ type: 'style-highlights', tags: ['p{}'] })).toBeNull();
    expect(parseMessage({ type: 'style-highlights', tags: Array.from({ length: 65 }, () => 'p') })).toBeNull();
  });
});
