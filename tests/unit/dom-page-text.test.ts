import { describe, expect, it } from 'vitest';
import { linesUpTo, renderedText, textPieces } from '../../lib/dom/page-text';

const words = (pieces: Iterable<string>) => [...pieces].map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);

describe('page text for the gate', () => {
  it('reads a page that is not huge in one piece', () => {
    document.body.innerHTML = '<div>Lead <main><p>One</p><p>Two <b>bold</b></p></main></div><p>Last</p>';
    expect(words(textPieces(document.body))).toEqual(['Lead One Two bold Last']);
  });

  it('walks wrapper chains down to where the content fans out, keeping wrapper text', () => {
    document.body.innerHTML = '<div>Lead <main><p>One</p><p>Two <b>bold</b></p></main></div>';
    expect(words(textPieces(document.body))).toEqual(['Lead', 'One Two bold']);
  });

  it('splits a huge page into subtrees of at most `most` elements, keeping loose text and leaving scripts out', () => {
    document.body.innerHTML = 'Lead <div><p>One</p><p>Two <b>bold</b></p></div><script>var x = 1;</script><style>p {}</style><p>Last</p>';
    // body holds 7 elements, the div 3: the body is split, the div read whole.
    expect(words(textPieces(document.body, 3))).toEqual(['Lead', 'One Two bold', 'Last']);
    // At one element a read, the div is split too.
    expect(words(textPieces(document.body, 1))).toEqual(['Lead', 'One', 'Two bold', 'Last']);
  });

  it('reads the end of a very deep chain on its own too (Firefox does not lay it out)', () => {
    document.body.innerHTML = '<h1>Title</h1><div id="root"></div>';
    let el = document.getElementById('root')!;
    for (let i = 0; i < 600; i++) el = el.appendChild(document.createElement('span'));
    el.appendChild(document.createElement('p')).textContent = 'At the very bottom';
    expect(words(textPieces(document.body)).at(-1)).toBe('At the very bottom');
  });

  // Shadow roots under a read come from the browser's XPath (which happy-dom lacks): the e2e tests cover them.
  it("reads a split root's own shadow root", () => {
    document.body.innerHTML = '<div><p>Light</p><p>More</p></div>';
    document.querySelector('div')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Own shadow</p><slot></slot>';
    expect(words(textPieces(document.body, 1)).join(' ')).toContain('Own shadow');
  });

  it('reads text nodes as they are, and elements with their text', () => {
    document.body.innerHTML = '<p>Austerity <em>killed</em> 130,000</p>';
    expect(renderedText(document.body.firstChild!).replace(/\s+/g, ' ').trim()).toBe('Austerity killed 130,000');
    expect(renderedText(document.createTextNode('plain'))).toBe('plain');
  });
});

describe('cutting text for messages', () => {
  it('leaves short text whole', () => {
    expect([...linesUpTo('one\ntwo', 100)]).toEqual(['one\ntwo']);
  });

  it('cuts after line breaks, each part at most `max` chars, losing nothing', () => {
    const text = 'alpha beta\ngamma\ndelta epsilon zeta\neta\n';
    const parts = [...linesUpTo(text, 12)];
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 12)).toBe(true);
    expect(parts).toEqual(['alpha beta\n', 'gamma\n', 'delta epsilo', 'n zeta\neta\n']);
  });

  it('cuts a line longer than `max` where it must', () => {
    expect([...linesUpTo('abcdefghij', 4)]).toEqual(['abcd', 'efgh', 'ij']);
  });
});
