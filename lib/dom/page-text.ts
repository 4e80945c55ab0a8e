/**
 * The page's text as the background's gate reads it: rendered text
 * (innerText: blocks end in line breaks, scripts and styles left out; the
 * boot script reads once the page is laid out). Each innerText call has
 * a fixed cost, so a page is read in one call unless it is huge; a huge one is
 * read in as few subtrees as keep each read short. Open shadow roots are added
 * after the read that holds them.
 */
import { shadowRootsUnder } from './shadow-roots';

/** Elements one read takes at most: innerText costs ~0.6-0.8 µs an element in Chromium, so ~10-12 ms a read. */
export const READ_ELEMENTS = 16_000;

/** Chains of single children at least this deep are read at their end too (a hostile page; Firefox stops at ~1,000 levels). */
const DEEP_CHAIN = 500;

/** Never rendered, yet innerText gives their source: left out when a huge page is read child by child. */
const UNRENDERED = new Set(['script', 'style', 'template', 'noscript']);

/** An element's rendered text; '' from innerText (an element some browsers do not render, a body shown later by script) falls back to the raw text. */
function ownText(el: Element): string {
  return (el as HTMLElement).innerText || el.textContent || '';
}

/** Rendered text of one node and the open shadow roots under it. */
export function renderedText(node: Node): string {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return '';
  const el = (node.nodeType === 9 ? (node as Document).documentElement : node) as HTMLElement | null;
  const own = el ? ownText(el) : '';
  const shadows = shadowRootsUnder(node);
  return shadows.length ? [own, ...shadows.map(renderedText)].join('\n') : own;
}

/**
 * The text of `root` in pieces, each read in one call: wrapper chains
 * (body > div > main; or a hostile page 5,000 levels deep, which Firefox
 * does not lay out that far) are walked down to where the content fans out.
 */
export function* textPieces(root: Element, most = READ_ELEMENTS): Generator<string> {
  let el = root;
  while (el.childElementCount === 1) {
    // A wrapper's own text beside its one element child still counts, and so does its shadow root.
    if (el.shadowRoot) yield renderedText(el.shadowRoot);
    for (const n of el.childNodes) if (n.nodeType === 3) yield (n as Text).data;
    el = el.firstElementChild!;
  }
  yield* subtreePieces(el, most);
  // Firefox lays out (and innerText reads) no deeper than about 1,000 levels: the end of a longer chain is read on its own.
  for (const child of el.children) {
    let end = child;
    let depth = 0;
    for (; end.childElementCount === 1; depth++) end = end.firstElementChild!;
    if (depth >= DEEP_CHAIN) yield renderedText(end);
  }
}

/** `el` read whole when it holds at most `most` elements (a native count), else child by child, each split the same way. */
function* subtreePieces(el: Element, most: number): Generator<string> {
  if (el.getElementsByTagName('*').length <= most) {
    yield renderedText(el);
    return;
  }
  // Read whole, a custom element's shadow root would be found with the rest; split, it is read here.
  if (el.shadowRoot) yield renderedText(el.shadowRoot);
  for (const child of el.childNodes) {
    if (child.nodeType === 3) yield (child as Text).data;
    else if (child.nodeType === 1 && !UNRENDERED.has((child as Element).localName)) yield* subtreePieces(child as Element, most);
  }
}

/**
 * `text` in parts of at most `max` chars, cut after line breaks (where blocks
 * end: no claim spans one); a longer line is cut where it must.
 */
export function* linesUpTo(text: string, max: number): Generator<string> {
  let start = 0;
  while (text.length - start > max) {
    const cut = text.lastIndexOf('\n', start + max - 1);
    const end = cut > start ? cut + 1 : start + max;
    yield text.slice(start, end);
    start = end;
  }
  yield text.slice(start);
}
