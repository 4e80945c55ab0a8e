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

/** The text to look for anchors in: rendered text, whose blocks are separated (textContent runs "</p><p>" words together). */
export function visibleText(root: Node): string {
  const inner = (root as HTMLElement).innerText;
  // innerText is empty for a display:none body (some apps show it later): fall back to the raw text.
  return inner || root.textContent || '';
}

/**
 * The smallest subtrees of `root` that hold the anchor words (spelled as in
 * the page) outside skipped regions. Blocks never join across block elements,
 * so descending into a block child loses no context; a word in the element's
 * own inline text keeps the element whole. Where the words are not found as
 * written (a word split by an inline element, or the rendered text differing
 * from the DOM's), the element is kept whole: narrowing may over-read, never
 * under-read what it can see.
 */
export function narrowRoots(root: Element | DocumentFragment, words: readonly string[], exclude?: (el: Element) => boolean): Node[] {
  const out: Node[] = [];
  const holds = (text: string) => words.some((w) => text.includes(w));
  const visit = (el: Element | DocumentFragment, text: string) => {
    if (text.length <= LEAF_CHARS) {
      out.push(el);
      return;
    }
    const blocks: Array<[Element, string]> = [];
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        if (holds((n as Text).data)) return void out.push(el);
        continue;
      }
      if (n.nodeType !== 1 || isSkipped(n as Element, exclude)) continue;
      const t = n.textContent ?? '';
      if (!holds(t)) continue;
      if (isInline(n as Element)) return void out.push(el);
      blocks.push([n as Element, t]);
    }
    if (blocks.length === 0) return void out.push(el);
    for (const [c, t] of blocks) visit(c, t);
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
