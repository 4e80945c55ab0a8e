import { describe, expect, it } from 'vitest';
import index from 'virtual:claims-index';
import { anchorWords, foldText } from '../../lib/match/prefilter';
import { LEAF_CHARS, narrowRoots } from '../../lib/dom/narrow';
import { scanRoot } from '../../lib/dom/scan';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} about the weather, the trains and the budget of the library.</p>`).join('');
const CLAIM = 'Austerity killed 130,000 people.';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('prefilter', () => {
  it('folds case, accents and soft hyphens the way the tokenizer does', () => {
    expect(foldText('Aus\u00ADTerity Indígena')).toBe('austerity indigena');
  });

  it('finds only the words that can anchor a rule, spelled as in the text', () => {
    expect(anchorWords(index, 'AUS\u00ADTERITY and the weather')).toEqual(['AUS\u00ADTERITY']);
    expect(anchorWords(index, 'Pedro CASTILLO, Castillo')).toEqual(['CASTILLO', 'Castillo']);
    expect(anchorWords(index, 'The weather was mild; constructor toString __proto__')).toEqual([]);
  });
});

describe('narrowRoots', () => {
  it('descends into the block children that hold an anchor word', () => {
    const root = body(`<main><section>${filler(60)}</section><section>${filler(30)}<p id="c">${CLAIM}</p></section></main>`);
    expect(root.textContent!.length).toBeGreaterThan(LEAF_CHARS);
    const roots = narrowRoots(root, ['Austerity']);
    expect(roots).toHaveLength(1);
    expect((roots[0] as Element).id).toBe('c');
  });

  it('keeps a parent whole when the word is in its own inline text', () => {
    const root = body(`<div id="d">${filler(60)}<b>Austerity</b> killed 130,000 people.</div>`);
    expect(narrowRoots(root, ['Austerity']).map((n) => (n as Element).id)).toEqual(['d']);
  });

  it('does not descend into skipped regions', () => {
    const root = body(`<div>${filler(60)}<textarea>Austerity killed 130,000</textarea><script>var austerity</script></div>`);
    // Found only in skipped children: the element is kept whole, and the block reader skips them.
    expect(narrowRoots(root, ['Austerity'])).toEqual([root.firstElementChild]);
  });
});

// Shadow roots are found with XPath, which happy-dom lacks: tests/e2e/living.test.ts covers them in Chromium.
describe('scanRoot', () => {
  it('finds a claim on a big page, and nothing on a page without anchors', async () => {
    const found = await scanRoot(body(`<main>${filler(200)}<p>${CLAIM}</p>${filler(200)}</main>`), index);
    expect(found.map((o) => index.claims[o.claim].id)).toEqual(['austerity-deaths']);
    expect(found[0].range.toString()).toBe('Austerity killed 130,000');
    expect(await scanRoot(body(`<main>${filler(200)}</main>`), index)).toEqual([]);
  });

  it('never reads form fields or editable regions', async () => {
    const found = await scanRoot(body(`<textarea>${CLAIM}</textarea><div contenteditable>${CLAIM}</div><input value="${CLAIM}">`), index);
    expect(found).toEqual([]);
  });
});

describe('prefilter word splitting', () => {
  it('splits at curly quotes, dashes and special spaces like the tokenizer', () => {
    expect(anchorWords(index, 'Norway’s and Venezuela’s\u00A0split—Castillo\u2009Fujimori')).toEqual(['Venezuela', 'Castillo', 'Fujimori']);
  });
});
