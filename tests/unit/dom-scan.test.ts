import { describe, expect, it } from 'vitest';
import index from 'virtual:claims-index';
import { anchorWords, foldText } from '../../lib/match/prefilter';
import { candidateBlocks } from '../../lib/dom/narrow';
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

// Candidate blocks and shadow roots are found with XPath, which happy-dom lacks:
// there the scan reads the whole root, and tests/e2e covers the XPath path in Chromium and Firefox.
describe('candidateBlocks', () => {
  it('returns null (read everything) where XPath cannot answer', () => {
    expect(candidateBlocks(body(`<p>${CLAIM}</p>`), ['Austerity'])).toBeNull();
  });
});

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
