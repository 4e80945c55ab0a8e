/**
 * Narrows a scan to the parts of the page that could hold a claim. Reading a
 * page node by node is what costs (every node the extension touches gets a
 * wrapper in its world); innerText, textContent and includes() are native and
 * cheap. So: one look at the root's rendered text for anchor words; none, and
 * the page costs nothing more. Otherwise descend, block by block, only into
 * children whose text holds one, down to small subtrees that get the full scan.
 */
import { isInline, isSkipped } from './blocks';

/** A subtree with less text than this is scanned whole rather than narrowed further. */
export const LEAF_CHARS = 2048;
/** With more anchor words than this in a subtree, narrowing costs more than it saves: scan it whole. */
export const MAX_NARROWED_OCCURRENCES = 24;

/** The text to look for anchors in: rendered text, whose blocks are separated (textContent runs "</p><p>" words together). */
export function visibleText(root: Node): string {
  const inner = (root as HTMLElement).innerText;
  // innerText is empty for a display:none body (some apps show it later): fall back to the raw text.
  return inner || root.textContent || '';
}

function occurrences(lower: string, words: readonly string[]): number {
  let n = 0;
  for (const w of words) for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) n++;
  return n;
}

/**
 * The smallest subtrees of `root` that together hold every occurrence of the
 * anchor words (lower case, as spelled in the page) outside skipped regions. Blocks never join across
 * block elements, so descending into a block child loses no context; a word in
 * an inline child or in loose text keeps its parent whole.
 */
export function narrowRoots(root: Element | DocumentFragment, words: readonly string[], exclude?: (el: Element) => boolean): Node[] {
  const out: Node[] = [];
  const visit = (el: Element | DocumentFragment, text: string) => {
    if (text.length <= LEAF_CHARS) {
      out.push(el);
      return;
    }
    const total = occurrences(text.toLowerCase(), words);
    if (total > MAX_NARROWED_OCCURRENCES) {
      out.push(el);
      return;
    }
    const inside: Array<[Element, string]> = [];
    let accounted = 0;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const skipped = isSkipped(c, exclude);
      if (isInline(c) && !skipped) continue;
      const t = c.textContent ?? '';
      const n = occurrences(t.toLowerCase(), words);
      if (n === 0) continue;
      accounted += n;
      // Skipped regions (scripts, inputs, editable text) hold nothing to scan.
      if (!skipped) inside.push([c, t]);
    }
    // An occurrence sits in this element's own inline text; or, at the root, the
    // rendered text spelled a word differently from the DOM: read it all.
    if (accounted < total || (el === root && total === 0)) {
      out.push(el);
      return;
    }
    for (const [c, t] of inside) visit(c, t);
  };
  visit(root, root.textContent ?? '');
  return out;
}

/** Open shadow roots under `root` (custom elements, found natively by XPath), not inside skipped regions. */
export function shadowRootsUnder(root: Node): ShadowRoot[] {
  const doc = root.ownerDocument ?? (root as Document);
  if (typeof doc.evaluate !== 'function') return [];
  // XPath takes an element or a document as its context, not a shadow root: start from its children.
  const contexts = root.nodeType === 11 ? [...(root as DocumentFragment).children] : [root];
  const found: ShadowRoot[] = [];
  for (const context of contexts) {
    const hosts = doc.evaluate('descendant-or-self::*[contains(local-name(), "-")]', context, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
    for (let i = 0; i < hosts.snapshotLength; i++) {
      const shadow = (hosts.snapshotItem(i) as Element).shadowRoot;
      if (shadow) found.push(shadow);
    }
  }
  return found;
}
