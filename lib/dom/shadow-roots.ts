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
