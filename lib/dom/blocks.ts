/**
 * Reads a page the way a person does: text inside inline elements (b, a, em…)
 * joins up into one block; block elements (p, li, td, div…) and <br> separate
 * blocks, so a match never spans two paragraphs. Form fields, editable
 * regions, scripts, styles, hidden subtrees and our own UI are never read.
 * Open shadow roots are read as blocks of their own.
 */
export interface Segment {
  node: Text;
  /** offset of node's first character in the block text (negative when a cut block starts inside the node) */
  start: number;
}

export interface Block {
  text: string;
  segments: Segment[];
}

const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD',
  'MARK', 'Q', 'RUBY', 'RB', 'RT', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT',
  'U', 'VAR', 'WBR', 'LABEL', 'NOBR', 'IMG',
]);

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'IFRAME', 'OBJECT',
  'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SVG', 'MATH', 'HEAD', 'TITLE', 'BUTTON', 'DATALIST',
]);

export const isInline = (el: Element): boolean => INLINE.has(el.tagName.toUpperCase());

/** Is the node inside something we never read (an input, editable region, script, our UI…)? */
export function isInsideSkipped(node: Node, exclude?: (el: Element) => boolean): boolean {
  for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el, exclude)) return true;
  }
  return false;
}

/** The nearest ancestor (or self) that is not inline: the block a change inside `node` belongs to. */
export function blockContainer(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && isInline(el) && el.parentElement) el = el.parentElement;
  return el;
}

export interface CollectOptions {
  /** elements to leave out with their subtree (e.g. our own UI host) */
  exclude?: (el: Element) => boolean;
  /** told about every open shadow root read, so a watcher can observe it too */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** read open shadow roots (default); off when the caller finds them itself */
  shadowRoots?: boolean;
}

export function isSkipped(el: Element, exclude?: (el: Element) => boolean): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return exclude?.(el) ?? false;
}

/**
 * Longest text handed on as one block. A paragraph is far shorter; a longer
 * block (a book in one <pre>, a 5 MB text node) is cut, so that tokenizing and
 * matching it never make one long task on the page's main thread.
 */
export const MAX_BLOCK_CHARS = 16_384;

/** Preferred cut points, best first: a blank line, a sentence end, a space. */
const CUTS = ['\n\n', '. ', ' '];

/** Where to end a piece that starts at `from`: after a cut point in the last quarter before `limit`, else at `limit`. */
function cutAt(text: string, from: number, limit: number): number {
  const min = limit - ((limit - from) >> 2);
  // Search a slice, not the whole text backwards: a text without spaces would make every cut scan it all.
  const tail = text.slice(min, limit);
  for (const cut of CUTS) {
    const i = tail.lastIndexOf(cut);
    if (i >= 0) return min + i + cut.length;
  }
  return limit;
}

/**
 * A block in pieces of at most `max` characters. A claim that straddles a cut
 * is missed: only text with no block structure for many thousand characters
 * pays that.
 */
export function* splitBlock(block: Block, max = MAX_BLOCK_CHARS): Generator<Block> {
  const { text, segments } = block;
  if (text.length <= max) {
    yield block;
    return;
  }
  let first = 0;
  for (let from = 0; from < text.length; ) {
    const to = text.length - from <= max ? text.length : cutAt(text, from, from + max);
    // Segments are contiguous: the last one starting at or before `from` holds it.
    while (first + 1 < segments.length && segments[first + 1].start <= from) first++;
    const pieceSegments: Segment[] = [];
    for (let i = first; i < segments.length && segments[i].start < to; i++) {
      pieceSegments.push({ node: segments[i].node, start: segments[i].start - from });
    }
    const piece = text.slice(from, to);
    if (/\S/.test(piece)) yield { text: piece, segments: pieceSegments };
    from = to;
  }
}

export function collectBlocks(root: Node, options: CollectOptions = {}): Block[] {
  return [...iterateBlocks(root, options)];
}

/**
 * Blocks in document order, lazily, so a caller can yield to the page between
 * any two of them. Walks with parent/sibling pointers: no recursion, no
 * per-element allocation.
 */
export function* iterateBlocks(root: Node, options: CollectOptions = {}): Generator<Block> {
  if (root.nodeType === 1 && isSkipped(root as Element, options.exclude)) return;
  const shadows = options.shadowRoots !== false;
  const ownShadow = shadows ? (root as Element).shadowRoot : null;
  if (ownShadow) {
    options.onShadowRoot?.(ownShadow);
    yield* iterateBlocks(ownShadow, options);
  }
  let parts: string[] = [];
  let segments: Segment[] = [];
  let length = 0;
  /** Ends the block being read (if it has any text) and yields it, in pieces if it is very long. */
  function* flush(): Generator<Block> {
    const text = parts.join('');
    const block = segments.length && /\S/.test(text) ? { text, segments } : null;
    parts = [];
    segments = [];
    length = 0;
    if (block) yield* splitBlock(block);
  }

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length) {
        segments.push({ node: node as Text, start: length });
        parts.push(data);
        length += data.length;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const inline = isInline(el);
      if (!inline && segments.length) yield* flush();
      if (!isSkipped(el, options.exclude)) {
        if (shadows && el.shadowRoot) {
          options.onShadowRoot?.(el.shadowRoot);
          yield* flush();
          yield* iterateBlocks(el.shadowRoot, options);
        }
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Leave finished elements (closing a block ends its text) until a sibling is found.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1 && !isInline(node as Element) && segments.length) yield* flush();
    }
    if (!node || node === root) break;
    if (node.nodeType === 1 && !isInline(node as Element) && segments.length) yield* flush();
    node = node.nextSibling;
  }
  yield* flush();
}
