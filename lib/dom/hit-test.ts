/** Which highlighted range is under the pointer? Highlights have no events of their own. */
interface Caret {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function inRects(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/** The item whose range is under (x, y), checked against the caret and then the range's boxes. */
export function hitTest<T extends { range: Range }>(items: readonly T[], x: number, y: number, doc: Document = document): T | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret) return undefined;
  for (const item of items) {
    const { range } = item;
    if (range.startContainer.getRootNode() !== caret.node.getRootNode()) continue;
    try {
      if (!range.isPointInRange(caret.node, caret.offset)) continue;
    } catch {
      continue;
    }
    // The caret snaps to the nearest text, even from blank space beside a line.
    if (inRects(range, x, y)) return item;
  }
  return undefined;
}
