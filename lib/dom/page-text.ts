/**
 * The page's text as the background's gate reads it: rendered text
 * (innerText: blocks end in line breaks, scripts and styles left out, and at
 * document_idle the layout it needs is already done), read piece by piece so
 * no single read is long on a huge page. Open shadow roots are added after.
 */
import { shadowRootsUnder } from './shadow-roots';

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
  return shadows.length ? [own, ...shadows.map((s) => s.textContent ?? '')].join('\n') : own;
}

/**
 * The text of `root` in pieces: wrapper chains (body > div > main) are walked
 * down to where the content fans out, and each child there is read on its own.
 */
export function* textPieces(root: Element): Generator<string> {
  let container: Element = root;
  while (container.childElementCount === 1) {
    // A wrapper's own text beside its one element child still counts.
    for (const n of container.childNodes) if (n.nodeType === 3) yield (n as Text).data;
    container = container.firstElementChild!;
  }
  for (const child of container.childNodes) yield child.nodeType === 1 ? ownText(child as Element) : child.nodeType === 3 ? (child as Text).data : '';
  for (const shadow of shadowRootsUnder(root)) yield renderedText(shadow);
}
