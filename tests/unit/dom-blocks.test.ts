import { describe, expect, it } from 'vitest';
import { blockContainer, collectBlocks, isInsideSkipped, MAX_BLOCK_CHARS, splitBlock } from '../../lib/dom/blocks';
import { rangeFor } from '../../lib/dom/ranges';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}
const texts = (root: Node) => collectBlocks(root).map((b) => b.text);

describe('collectBlocks', () => {
  it('joins text across inline elements and separates blocks', () => {
    const root = body('<p>Austerity <a href="#">killed</a> <em>130,000</em>-plus Brits.</p><p>Second <b>para</b></p>');
    expect(texts(root)).toEqual(['Austerity killed 130,000-plus Brits.', 'Second para']);
  });

  it('never joins across list items, cells, divs or <br>', () => {
    const root = body('<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table><div>x<div>y</div>z</div><p>l1<br>l2</p>');
    expect(texts(root)).toEqual(['one', 'two', 'a', 'b', 'x', 'y', 'z', 'l1', 'l2']);
  });

  it('skips form fields, editable regions, scripts, styles, hidden and excluded subtrees', () => {
    const root = body(
      '<p>keep</p><textarea>no1</textarea><input value="no2"><div contenteditable="true"><p>no3</p></div>' +
        '<script>no4</script><style>p{}</style><noscript>no5</noscript><div hidden>no6</div><x-ui><p>no7</p></x-ui>' +
        '<div contenteditable="false">keep2</div>',
    );
    const got = collectBlocks(root, { exclude: (el) => el.localName === 'x-ui' }).map((b) => b.text);
    expect(got).toEqual(['keep', 'keep2']);
  });

  it('reads open shadow roots as blocks of their own and reports them', () => {
    const root = body('<div id="host">light</div><p>after</p>');
    const host = root.querySelector('#host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>in <b>shadow</b></p>';
    const seen: ShadowRoot[] = [];
    const got = collectBlocks(root, { onShadowRoot: (s) => seen.push(s) }).map((b) => b.text);
    expect(got).toEqual(['in shadow', 'light', 'after']);
    expect(seen).toEqual([host.shadowRoot]);
  });

  it('reads text at the bottom of 5,000 levels of blocks without running out of stack', () => {
    let el: Element = body('');
    for (let i = 0; i < 5000; i++) el = el.appendChild(document.createElement(i % 2 ? 'section' : 'div'));
    el.append('at the bottom');
    expect(texts(document.body)).toEqual(['at the bottom']);
  });

  it('handles deep nesting without recursion limits', () => {
    let html = '';
    for (let i = 0; i < 3000; i++) html += '<span>';
    html += 'deep';
    for (let i = 0; i < 3000; i++) html += '</span>';
    expect(texts(body(`<p>${html} text</p>`))).toEqual(['deep text']);
  });
});

describe('very long blocks', () => {
  const sentence = 'The committee met on Tuesday to discuss the budget. ';
  const claim = 'A reader wrote that austerity killed 130,000 people.';

  it('are cut into pieces no longer than MAX_BLOCK_CHARS that add up to the whole text', () => {
    const half = sentence.repeat(Math.ceil(100_000 / sentence.length));
    const root = body(`<p>${half}${claim} ${half}</p>`);
    const blocks = collectBlocks(root);
    expect(blocks.length).toBeGreaterThan(100_000 / MAX_BLOCK_CHARS);
    expect(blocks.every((b) => b.text.length <= MAX_BLOCK_CHARS)).toBe(true);
    expect(blocks.map((b) => b.text).join('')).toBe(root.textContent);
    // Cut at sentence ends, so the claim stays whole in one piece.
    expect(blocks.slice(0, -1).every((b) => b.text.endsWith('. '))).toBe(true);
    expect(blocks.filter((b) => b.text.includes(claim))).toHaveLength(1);
  });

  it('map offsets in a later piece back to the right place in the text node', () => {
    const head = sentence.repeat(Math.ceil(50_000 / sentence.length));
    const root = body(`<p>${head}${claim}</p>`);
    const block = collectBlocks(root).find((b) => b.text.includes(claim))!;
    const start = block.text.indexOf(claim);
    const range = rangeFor(block, start, start + claim.length);
    expect(range.startContainer).toBe(root.querySelector('p')!.firstChild);
    expect(range.startOffset).toBe(head.length);
    expect(range.toString()).toBe(claim);
  });

  it('keep text nodes that run across a cut, and ranges across inline elements', () => {
    const [block] = collectBlocks(body(`<p>${'x'.repeat(30)} austerity <b>killed</b> 130,000</p>`));
    const pieces = [...splitBlock(block, 20)];
    expect(pieces.map((b) => b.text).join('')).toBe(block.text);
    const piece = pieces.find((b) => b.text.includes('killed'))!;
    const start = piece.text.indexOf('killed');
    expect(rangeFor(piece, start, start + 'killed 130'.length).toString()).toBe('killed 130');
  });

  it('are cut at the limit when the text has no space at all', () => {
    const pieces = [...splitBlock({ text: 'a'.repeat(50), segments: [{ node: document.createTextNode('a'.repeat(50)), start: 0 }] }, 16)];
    expect(pieces.map((b) => b.text.length)).toEqual([16, 16, 16, 2]);
  });
});

describe('rangeFor', () => {
  it('maps block offsets back to a Range across text nodes', () => {
    const root = body('<p>Austerity <a href="#">killed</a> <em>130,000</em>-plus Brits.</p>');
    const [block] = collectBlocks(root);
    const start = block.text.indexOf('killed');
    const end = block.text.indexOf('-plus');
    const range = rangeFor(block, start, end);
    expect(range.toString()).toBe('killed 130,000');
    expect(range.startContainer.parentElement?.localName).toBe('a');
    expect(range.endContainer.parentElement?.localName).toBe('em');
  });

  it('ends at a node boundary in the earlier node', () => {
    const root = body('<p><b>ab</b><i>cd</i></p>');
    const [block] = collectBlocks(root);
    const range = rangeFor(block, 0, 2);
    expect(range.toString()).toBe('ab');
    expect(range.endContainer.parentElement?.localName).toBe('b');
  });
});

describe('helpers', () => {
  it('finds the block a change belongs to and whether it is in a skipped region', () => {
    const root = body('<div contenteditable><p><b id="e">x</b></p></div><p id="p"><em id="i">y</em></p>');
    expect(isInsideSkipped(root.querySelector('#e')!)).toBe(true);
    expect(isInsideSkipped(root.querySelector('#i')!)).toBe(false);
    expect(blockContainer(root.querySelector('#i')!.firstChild!)?.id).toBe('p');
  });
});
