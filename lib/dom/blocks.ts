/**
 * Reads a page the way a person does: text inside inline elements (b, a, em…)
 * joins up into one block; block elements (p, li, td, div…) and <br> separate
 * blocks, so a match never spans two paragraphs. Form fields, editable
 * regions, scripts, styles, hidden subtrees and our own UI are never read.
 * Open shadow roots are read as blocks of their own.
 */
export interface Segment {
  node: Text;
  /** offset of node's first character in the block text */
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
}

export function isSkipped(el: Element, exclude?: (el: Element) => boolean): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return exclude?.(el) ?? false;
}

export function collectBlocks(root: Node, options: CollectOptions = {}): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let segments: Segment[] = [];
  let length = 0;

  const flush = () => {
    if (segments.length) {
      const text = parts.join('');
      if (/\S/.test(text)) blocks.push({ text, segments });
    }
    parts = [];
    segments = [];
    length = 0;
  };

  const visit = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length === 0) continue;
        segments.push({ node: node as Text, start: length });
        parts.push(data);
        length += data.length;
      } else if (node.nodeType === 1) {
        const el = node as Element;
        if (isSkipped(el, options.exclude)) {
          // A skipped inline control still separates words around it.
          if (!INLINE.has(el.tagName.toUpperCase())) flush();
          continue;
        }
        const inline = INLINE.has(el.tagName.toUpperCase());
        if (!inline) flush();
        if (el.shadowRoot) {
          options.onShadowRoot?.(el.shadowRoot);
          flush();
          visit(el.shadowRoot);
          flush();
        }
        visit(el);
        if (!inline) flush();
      }
    }
  };

  if (root.nodeType === 1 && isSkipped(root as Element, options.exclude)) return blocks;
  visit(root);
  flush();
  return blocks;
}
