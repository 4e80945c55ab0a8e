import { describe, expect, it } from 'vitest';
import index from 'virtual:claims-index';
import { anchorWords, foldText } from '../../lib/match/prefilter';
import { candidateBlocks } from '../../lib/dom/candidates';
import { Slicer } from '../../lib/dom/schedule';
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

describe('candidateBlocks', () => {
  const candidates = (root: Node) => candidateBlocks(root, index, new Slicer());

  it('returns only the outermost blocks holding an anchor word, in document order', async () => {
    const root = body(`${filler(3)}<div id="a"><p id="b">Austerity here.</p> and Castillo there</div><ul><li id="c">Fujimori</li></ul>${filler(3)}`);
    expect((await candidates(root))?.map((n) => (n as Element).id)).toEqual(['a', 'c']);
  });

  it('does not read scripts, styles or form fields, and finds nothing on a page without anchors', async () => {
    expect(await candidates(body(`<script>var a = "austerity"</script><style>.castillo{}</style><textarea>Fujimori</textarea>${filler(50)}`))).toEqual([]);
  });

  it('keeps words of neighbouring blocks apart (no "2020Bolivia" gluing) and finds anchors inside long text nodes', async () => {
    const long = `${'word '.repeat(20_000)}Everard`;
    expect((await candidates(body(`<p>the weather</p><p>${long}</p>`)))?.length).toBe(1);
  });

  it('reads a word split across inline elements as one word', async () => {
    expect((await candidates(body(`<p id="s">We read that Aus<b>terity</b> killed many.</p>`)))?.map((n) => (n as Element).id)).toEqual(['s']);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const slicer = new Slicer(undefined, controller.signal);
    controller.abort();
    // A slicer that is always due yields at the first look, then sees the abort.
    Object.defineProperty(slicer, 'due', { get: () => true });
    expect(await candidateBlocks(body(filler(600)), index, slicer)).toBeNull();
  });
});

describe('prefilter over glued text', () => {
  it('tries the parts of words textContent glued together, only when asked', () => {
    expect(anchorWords(index, 'in 2020Bolivia and theAusterity, Route AAusterity', true)).toEqual(['2020Bolivia', 'theAusterity', 'AAusterity']);
    expect(anchorWords(index, 'in 2020Bolivia and theAusterity')).toEqual([]);
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
