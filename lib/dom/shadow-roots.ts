/** XPath evaluates from an element or a document, not from a shadow root: start from its children. */
function xpathContexts(root: Node): Node[] {
  return root.nodeType === 11 ? [...(root as DocumentFragment).children] : [root];
}

/**
 * Open shadow roots under `root`. Only custom elements (a hyphen in the name)
 * can host one a page built; the browser's XPath finds them natively, so the
 * page is not walked node by node. The expression is fixed: no page value
 * ever reaches it.
 */
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

/** Elements one lookup covers at most: on a huge page the lookup is made piece by piece, so a caller can yield between. */
export const LOOKUP_ELEMENTS = 16_000;

/**
 * shadowRootsUnder(root) in pieces of at most `most` elements (each a native
 * count and lookup), in document order. Chains of single children are walked
 * down without counting, so a deep wrapper chain is not counted at every level.
 */
export function* shadowRootPieces(root: Node, most = LOOKUP_ELEMENTS): Generator<ShadowRoot[]> {
  const stack: Node[] = [root];
  while (stack.length) {
    let node = stack.pop()!;
    while (node.nodeType === 1 && (node as Element).childElementCount === 1) {
      yield hostedBy(node as Element);
      node = (node as Element).firstElementChild!;
    }
    if (node.nodeType !== 1 || (node as Element).getElementsByTagName('*').length <= most) {
      yield shadowRootsUnder(node);
      continue;
    }
    const el = node as Element;
    yield hostedBy(el);
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
}

/** The element's own open shadow root, by the lookup's rule (custom elements only). */
function hostedBy(el: Element): ShadowRoot[] {
  return el.shadowRoot && el.localName.includes('-') ? [el.shadowRoot] : [];
}
