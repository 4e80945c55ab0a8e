/**
 * Narrows a scan to the parts of the page that could hold a claim. Reading a
 * page node by node is what costs (every node the extension touches gets a
 * wrapper in its world); innerText and XPath are native and cheap. So: one
 * look at the root's rendered text for trigger words; none, and the page costs
 * nothing more. Otherwise the browser finds the text nodes holding them, and
 * only their blocks get the full scan.
 */
import { blockContainer, isInsideSkipped } from './blocks';
import { outermost } from './watcher';

/** The text to look for anchors in: rendered text, whose blocks are separated (textContent runs "</p><p>" words together). */
export function visibleText(root: Node): string {
  const inner = (root as HTMLElement).innerText;
  // innerText is empty for a display:none body (some apps show it later): fall back to the raw text.
  return inner || root.textContent || '';
}

/** XPath evaluates from an element or a document, not from a shadow root: start from its children. */
function xpathContexts(root: Node): Node[] {
  return root.nodeType === 11 ? [...(root as DocumentFragment).children] : [root];
}

/**
 * The blocks of `root` whose text holds one of the anchor words (spelled as in
 * the page), found by the browser's own XPath search over text nodes, so the
 * extension touches only the nodes that matter. Null when that search cannot
 * vouch for every word (no XPath, or a word split across elements, or the
 * rendered text spelled differently from the DOM): then read the whole root.
 */
export function candidateBlocks(root: Node, words: readonly string[], exclude?: (el: Element) => boolean): Node[] | null {
  const doc = root.ownerDocument ?? (root as Document);
  if (typeof doc.evaluate !== 'function' || words.length === 0) return null;
  // Trigger words hold only letters, digits and soft hyphens: safe inside an XPath string.
  const test = words.map((w) => `contains(., '${w}')`).join(' or ');
  const blocks = new Set<Node>();
  const seen = new Set<string>();
  try {
    for (const context of xpathContexts(root)) {
      const hits = doc.evaluate(`descendant-or-self::text()[${test}]`, context, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
      for (let i = 0; i < hits.snapshotLength; i++) {
        const text = hits.snapshotItem(i) as Text;
        for (const w of words) if (text.data.includes(w)) seen.add(w);
        if (isInsideSkipped(text, exclude)) continue;
        const block = blockContainer(text);
        if (block) blocks.add(root.contains(block) ? block : root);
      }
    }
  } catch {
    return null;
  }
  if (seen.size < words.length) return null;
  return outermost([...blocks]);
}

/** Open shadow roots under `root` (custom elements, found natively by XPath), not inside skipped regions. */
export function shadowRootsUnder(root: Node): ShadowRoot[] {
  const doc = root.ownerDocument ?? (root as Document);
  if (typeof doc.evaluate !== 'function') return [];
  const found: ShadowRoot[] = [];
  for (const context of xpathContexts(root)) {
    const hosts = doc.evaluate('descendant-or-self::*[contains(local-name(), "-")]', context, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
    for (let i = 0; i < hosts.snapshotLength; i++) {
      const shadow = (hosts.snapshotItem(i) as Element).shadowRoot;
      if (shadow) found.push(shadow);
    }
  }
  return found;
}
