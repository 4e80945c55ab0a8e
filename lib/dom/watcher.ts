/**
 * Watches a page that changes under the reader (feeds, SPAs, frameworks that
 * rewrite text in place) and reports, in batches, the smallest roots that
 * need a new scan. Our own UI and skipped regions (inputs, editable text) are
 * ignored, so our own mutations never feed back.
 */
import { blockContainer, isInline, isInsideSkipped } from './blocks';

/** Changes are gathered for this long before one rescan: fast enough to feel live, coarse enough to batch a burst. */
export const MUTATION_BATCH_MS = 150;

export interface WatchOptions {
  exclude: (el: Element) => boolean;
  /** roots to rescan (may be empty when only removals happened: prune dead ranges) */
  onDirty: (roots: Node[]) => void;
  signal: AbortSignal;
}

export interface Watcher {
  /** Also watch an (open) shadow root found while scanning. */
  observe(root: Node): void;
}

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export function watchMutations(root: Node, options: WatchOptions): Watcher {
  const dirty = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observed = new WeakSet<Node>();

  const mark = (node: Node | null) => {
    if (!node || !node.isConnected) return;
    if (isInsideSkipped(node, options.exclude)) return;
    // An added block is scanned on its own; anything inline needs its whole block.
    const target = node.nodeType === 1 && !isInline(node as Element) ? node : blockContainer(node);
    if (target) dirty.add(target);
  };

  let removed = false;

  const flush = () => {
    timer = undefined;
    if (options.signal.aborted || (dirty.size === 0 && !removed)) return;
    const roots = outermost([...dirty]);
    dirty.clear();
    removed = false;
    options.onDirty(roots);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') mark(record.target);
      else {
        record.addedNodes.forEach((n) => mark(n.nodeType === 1 ? n : n.parentNode));
        // Removed text or inline elements change their block's text; removed
        // blocks only take their own ranges with them (pruned on flush).
        let changesText = false;
        record.removedNodes.forEach((n) => {
          removed = true;
          if (n.nodeType === 3 || (n.nodeType === 1 && isInline(n as Element))) changesText = true;
        });
        if (changesText) mark(record.target);
      }
    }
    if ((dirty.size || removed) && timer === undefined) timer = setTimeout(flush, MUTATION_BATCH_MS);
  });

  const watcher: Watcher = {
    observe(node) {
      if (observed.has(node)) return;
      observed.add(node);
      observer.observe(node, OBSERVE);
    },
  };
  watcher.observe(root);
  options.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      dirty.clear();
    },
    { once: true },
  );
  return watcher;
}

/** The parent of a node, or the host of a shadow root. */
const up = (n: Node): Node | null => n.parentNode ?? (n as ShadowRoot).host ?? null;

/**
 * Drops roots that lie inside another root of the list. One walk up from each
 * node, not a comparison of every pair: a page with 50,000 matching blocks
 * stays linear.
 */
export function outermost(nodes: Node[]): Node[] {
  const listed = new Set(nodes);
  return nodes.filter((n) => {
    for (let a = up(n); a; a = up(a)) if (listed.has(a)) return false;
    return true;
  });
}

/** Like Node.contains, but across shadow-root boundaries. */
export function containsDeep(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = up(n)) {
    if (n === outer) return true;
  }
  return false;
}
