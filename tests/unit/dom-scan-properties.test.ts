/**
 * scanRoot on random pages (fast-check, happy-dom): it never throws, every
 * highlight range lies inside one block of the page, and scanning and
 * painting leave the page exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import index from 'virtual:claims-index';
import { collectBlocks } from '../../lib/dom/blocks';
import { clearHighlights, HIGHLIGHT_NAME, paintHighlights } from '../../lib/dom/highlights';
import { rangeFor } from '../../lib/dom/ranges';
import { scanRoot } from '../../lib/dom/scan';
import { matchText } from '../../lib/match/matcher';
import { loadClaims } from '../../lib/claims/load-files';
import { textish } from '../support/arbitraries';

// happy-dom has no CSS Custom Highlight API: a registry that only records, so painting runs.
const registry = new Map<string, Set<Range>>();
beforeAll(() => {
  vi.stubGlobal('Highlight', class extends Set<Range> {
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  });
  vi.stubGlobal('CSS', { highlights: registry });
});
afterAll(() => vi.unstubAllGlobals());

const sentences = loadClaims().flatMap((c) => [...c.examples.match, ...c.examples.nomatch]);
const words = [...new Set(sentences.flatMap((s) => s.split(/\s+/)))];
const text = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...sentences) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: textish },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '<p>&amp;', '\u00A0') },
);

/** Block, inline, skipped and void elements, with the attributes that hide or make editable. */
const TAGS = ['p', 'div', 'li', 'section', 'h2', 'td', 'pre', 'span', 'b', 'a', 'em', 'code', 'sup', 'br', 'wbr', 'img', 'textarea', 'style', 'noscript', 'button', 'template'];
const ATTRS = ['hidden', 'aria-hidden', 'contenteditable', 'class', 'title'];
const VOID = new Set(['br', 'wbr', 'img']);

interface Tree {
  tag: string;
  attr: string | null;
  children: Array<Tree | string>;
}

const { tree } = fc.letrec<{ tree: Tree; node: Tree | string }>((tie) => ({
  tree: fc.record({
    tag: fc.constantFrom(...TAGS),
    attr: fc.option(fc.constantFrom(...ATTRS), { freq: 4 }),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
  node: fc.oneof({ depthSize: 'small', maxDepth: 6 }, text, tie('tree')),
}));

function build(parent: Node, node: Tree | string): void {
  if (typeof node === 'string') {
    parent.appendChild(document.createTextNode(node));
    return;
  }
  const el = document.createElement(node.tag);
  if (node.attr) el.setAttribute(node.attr, node.attr === 'aria-hidden' ? 'true' : '');
  if (!VOID.has(node.tag)) for (const child of node.children) build(el, child);
  parent.appendChild(el);
}

/** The page body becomes these trees. */
function showPage(trees: Tree[]): void {
  document.body.replaceChildren();
  for (const t of trees) build(document.body, t);
}

/** Markup as a careless page writes it: unclosed, misnested, entities, comments, raw text elements. */
const markup = fc
  .array(
    fc.oneof(
      text,
      fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<b>', '</b>', '<i>', '</span>', '<li>', '<br>', '<br/>', '<table><tr><td>', '</td>'),
      fc.constantFrom('<div hidden>', '<span aria-hidden="true">', '<div contenteditable>', '<textarea>', '</textarea>', '<!-- ', ' -->', '<![CDATA[x]]>'),
      fc.constantFrom('<script type="application/json">', '</script>', '<style>', '</style>', '&nbsp;', '&shy;', '&amp;', '&#x1F600;', '&#xD800;', '<', '>', '&'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** What the page looks like: its markup and its text. */
const snapshot = () => ({ html: document.documentElement.outerHTML, text: document.body.textContent });

/** Scans the body, paints, and returns the problems with the page or the ranges (empty when all is well), and the match count. */
async function scanAndCheck(): Promise<{ problems: string[]; found: number }> {
  const before = snapshot();
  const found = await scanRoot(document.body, index);
  paintHighlights(found.map((o) => o.range));
  const problems: string[] = [];
  const after = snapshot();
  if (after.html !== before.html) problems.push('the markup changed');
  if (after.text !== before.text) problems.push('the text changed');
  if (found.length && registry.get(HIGHLIGHT_NAME)?.size !== found.length) problems.push('not every range was painted');

  const blockOf = new Map<Node, number>();
  collectBlocks(document.body).forEach((b, i) => b.segments.forEach((s) => blockOf.set(s.node, i)));
  for (const { range, words } of found) {
    const { startContainer: a, endContainer: b, startOffset, endOffset } = range;
    if (a.nodeType !== 3 || b.nodeType !== 3) problems.push('a range does not start and end in text');
    else if (!document.body.contains(a) || !document.body.contains(b)) problems.push('a range is outside the page');
    else if (startOffset > (a as Text).length || endOffset > (b as Text).length) problems.push('a range offset is past its text');
    else if (blockOf.get(a) === undefined || blockOf.get(a) !== blockOf.get(b)) problems.push(`a range crosses blocks: ${JSON.stringify(range.toString())}`);
    if (range.collapsed || !range.toString().trim()) problems.push('an empty range');
    if (words.length < 2 || words.some((w) => !w.trim())) problems.push(`odd matched words ${JSON.stringify(words)}`);
  }
  clearHighlights();
  return { problems, found: found.length };
}

describe('scanRoot on random pages', { timeout: 120_000 }, () => {
  it('random trees: never throws, ranges stay inside one block, the page is unchanged', async () => {
    let matched = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 6 }), async (trees) => {
        showPage(trees);
        const { problems, found } = await scanAndCheck();
        expect({ page: document.body.innerHTML, problems }).toEqual({ page: document.body.innerHTML, problems: [] });
        if (found) matched++;
      }),
      { numRuns: 150 },
    );
    // the checks on ranges mean something only if claims were found
    expect(matched).toBeGreaterThan(10);
  });

  it('random trees: the prefilter loses nothing, the scan finds what reading every block finds', async () => {
    let matched = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 6 }), async (trees) => {
        showPage(trees);
        const key = (claim: number, r: Range) => `${claim}:${r.startContainer.textContent}:${r.startOffset}:${r.toString()}`;
        const scanned = (await scanRoot(document.body, index)).map((o) => key(o.claim, o.range));
        const read = collectBlocks(document.body).flatMap((b) => matchText(index, b.text).map((m) => key(m.claim, rangeFor(b, m.start, m.end))));
        expect(scanned).toEqual(read);
        if (read.length) matched++;
      }),
      { numRuns: 150 },
    );
    expect(matched).toBeGreaterThan(10);
  });

  it('random markup: never throws, ranges stay inside one block, the page is unchanged', async () => {
    let matched = 0;
    await fc.assert(
      fc.asyncProperty(markup, async (html) => {
        document.body.innerHTML = html;
        const { problems, found } = await scanAndCheck();
        expect({ html, problems }).toEqual({ html, problems: [] });
        if (found) matched++;
      }),
      { numRuns: 150 },
    );
    expect(matched).toBeGreaterThan(10);
  });
});
