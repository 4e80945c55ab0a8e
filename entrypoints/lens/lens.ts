/**
 * The overlay feature: scan, paint, keep up with a changing page, explain.
 * Started per page and torn down through its AbortSignal (site switched off,
 * extension reloaded): highlights, observers, UI and listeners all go with it.
 */
import index from 'virtual:claims-index';
import type { OverlayItem } from '../../components/Overlay';
import { BOOT_AT_GLOBAL, type LensWorld } from '../../lib/lens-handle';
import { clearHighlights, MAX_HIGHLIGHTS, paintHighlights } from '../../lib/dom/highlights';
import { emptyStats, scanRoot, type Occurrence } from '../../lib/dom/scan';
import { yieldToPage } from '../../lib/dom/schedule';
import { fromViewportTop } from '../../lib/dom/viewport';
import { containsDeep, watchMutations } from '../../lib/dom/watcher';
import type { ClaimSummary } from '../../lib/messages';
import type { OverlayController } from './overlay';
import { UI_TAG, type CreateOverlay } from './ui-handle';

export interface Lens {
  /** Focuses the next highlighted claim (of `id`, if given) and opens its card. */
  focusNext(id?: string): Promise<boolean>;
  /** Client-side navigation: a new route is a new page for counts, badge and list. */
  navigated(): void;
}

interface Live extends OverlayItem {
  /** the text matched, to notice when the page rewrote it */
  text: string;
}

const exclude = (el: Element) => el.localName === UI_TAG;

/**
 * What scanning cost on this page, for the benchmark (bootAt: when the boot
 * script started, at document_idle). It lives in the extension's isolated
 * world, which the page cannot read.
 */
const stats = { bootAt: (globalThis as LensWorld)[BOOT_AT_GLOBAL] ?? 0, startedAt: 0, firstPaintAt: 0, failedScans: 0, first: emptyStats(), later: emptyStats() };
(globalThis as { contextLensStats?: typeof stats }).contextLensStats = stats;

const isShown = (range: Range) => {
  const el = range.startContainer.parentElement;
  return !el || typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
};

function summarise(items: readonly OverlayItem[]): ClaimSummary[] {
  const byId = new Map<string, ClaimSummary>();
  for (const { claim } of items) {
    const entry = byId.get(claim.id) ?? { id: claim.id, title: claim.title, count: 0 };
    entry.count++;
    byId.set(claim.id, entry);
  }
  return [...byId.values()];
}

/** Document order, so Tab and "next claim" walk the page top to bottom. */
function byPosition(a: Live, b: Live): number {
  return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
}

export function startLens(
  signal: AbortSignal,
  report: (claims: ClaimSummary[]) => void,
  dismissed: ReadonlySet<string>,
  onDismiss: (claimId: string) => void,
  loadUi: () => Promise<CreateOverlay | null>,
  /** ranges painted for the first time, so their elements' ::highlight() rules can be asked for */
  onPainted: (ranges: Range[]) => void,
): Lens {
  let live: Live[] = [];
  let serial = 0;
  let overlay: OverlayController | null = null;
  let ui: Promise<void> | null = null;
  const painted = new WeakSet<Range>();
  const root = document.body ?? document.documentElement;

  const toLive = (found: Occurrence[]): Live[] =>
    found
      .filter((o) => !dismissed.has(index.claims[o.claim].id))
      .map((o) => ({ key: String(serial++), claim: index.claims[o.claim], range: o.range, words: o.words, text: o.range.toString() }));

  const publish = () => {
    live.sort(byPosition);
    live.length = Math.min(live.length, MAX_HIGHLIGHTS);
    paintHighlights(live.map((o) => o.range));
    const fresh = live.filter((o) => !painted.has(o.range)).map((o) => o.range);
    fresh.forEach((r) => painted.add(r));
    if (fresh.length) onPainted(fresh);
    report(summarise(live));
    // The UI (and its listeners) exists only once something was found; its script loads after this first paint.
    if (live.length) {
      ui ??= loadUi().then((create) => {
        if (!create || signal.aborted) return;
        overlay = create(signal, onDismiss);
        overlay?.setItems([...live]);
      });
    }
    overlay?.setItems([...live]);
  };

  /**
   * Rescans `roots`: their old matches go, and so do matches whose text was
   * removed or rewritten. With `skip`, a first scan's second half: nothing is
   * replaced, and the elements already scanned are left out.
   */
  const scan = async (roots: Node[], skip?: ReadonlySet<Element>) => {
    const first = stats.startedAt === 0 || skip !== undefined;
    if (stats.startedAt === 0) stats.startedAt = performance.now();
    if (!skip) {
      live = live.filter(
        (o) => !o.range.collapsed && o.range.toString() === o.text && !roots.some((r) => containsDeep(r, o.range.startContainer)),
      );
    }
    const options = {
      signal,
      isShown,
      exclude: skip ? (el: Element) => exclude(el) || skip.has(el) : exclude,
      onShadowRoot: (s: ShadowRoot) => watcher.observe(s),
    };
    for (const r of roots) {
      // A page that holds thousands of claims gets the first MAX_HIGHLIGHTS; reading on would only cost the page.
      const limit = MAX_HIGHLIGHTS - live.length;
      if (limit <= 0) break;
      const found = await scanRoot(r, index, { ...options, limit }, first ? stats.first : stats.later);
      if (signal.aborted) return;
      live.push(...toLive(found));
    }
    publish();
    if (first && stats.firstPaintAt === 0) stats.firstPaintAt = performance.now();
  };

  // Mutations are queued while a scan runs, then handled in order. The first scan starts in a task of its
  // own: lens.js's evaluation (compiling it, setting up) is a task of some length already.
  let queue: Promise<void> = yieldToPage();
  const enqueue = (job: () => Promise<void>) => {
    queue = queue
      .then(() => (signal.aborted ? undefined : job()))
      // One failed scan (a page doing something odd) must not stop the ones after it; the page's console is not ours to write to.
      .catch(() => void stats.failedScans++);
  };
  const rescan = (roots: Node[]) => enqueue(() => scan(roots));
  const watcher = watchMutations(root, { exclude, signal, onDirty: rescan });

  // What the reader is looking at first, then the rest of the page.
  let top: Element[] = [];
  enqueue(() => {
    top = root.nodeType === 1 ? fromViewportTop(root as Element) : [];
    return scan(top.length ? top : [root]);
  });
  enqueue(() => (top.length ? scan([root], new Set(top)) : Promise.resolve()));
  signal.addEventListener(
    'abort',
    () => {
      clearHighlights();
      report([]);
    },
    { once: true },
  );

  return {
    navigated() {
      live = [];
      rescan([root]);
    },
    async focusNext(id) {
      await queue;
      await ui;
      return overlay?.focusNext(id) ?? false;
    },
  };
}
