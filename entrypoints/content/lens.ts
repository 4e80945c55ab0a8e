/**
 * The overlay feature: scan, paint, explain. Started per page and torn down
 * through its AbortSignal (site switched off, extension reloaded): highlights,
 * UI and listeners all go with it.
 */
import { h, render } from 'preact';
import index from 'virtual:claims-index';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay, type OverlayItem } from '../../components/Overlay';
import { hitTest } from '../../lib/dom/hit-test';
import { clearHighlights, paintActive, paintHighlights } from '../../lib/dom/highlights';
import { HoverIntent } from '../../lib/dom/hover-intent';
import { scanRoot, type Occurrence } from '../../lib/dom/scan';
import type { ClaimSummary } from '../../lib/messages';

export const UI_TAG = 'context-lens-ui';

const isShown = (range: Range) => {
  const el = range.startContainer.parentElement;
  return !el || typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
};

export function summarise(found: Occurrence[]): ClaimSummary[] {
  const byId = new Map<string, ClaimSummary>();
  for (const occ of found) {
    const claim = index.claims[occ.claim];
    const entry = byId.get(claim.id) ?? { id: claim.id, title: claim.title, count: 0 };
    entry.count++;
    byId.set(claim.id, entry);
  }
  return [...byId.values()];
}

export async function startLens(
  ctx: ContentScriptContext,
  signal: AbortSignal,
  report: (claims: ClaimSummary[]) => void,
): Promise<void> {
  const root = document.body ?? document.documentElement;
  const found = await scanRoot(root, index, {
    signal,
    isShown,
    exclude: (el) => el.localName === UI_TAG,
  });
  if (signal.aborted) return;
  // Nothing found: no UI, no listeners, nothing more to cost the page.
  if (found.length === 0) return;

  paintHighlights(found.map((o) => o.range));
  report(summarise(found));

  const items: OverlayItem[] = found.map((o, i) => ({
    key: `${o.claim}:${i}`,
    claim: index.claims[o.claim],
    range: o.range,
    words: o.words,
  }));
  let open: number | null = null;
  let openedBy: 'hover' | 'focus' | null = null;
  let anchorRect: DOMRect | null = null;
  let container: HTMLElement | null = null;

  const draw = () => {
    if (!container) return;
    render(
      h(Overlay, {
        items,
        open,
        anchorRect,
        lang: navigator.language,
        onAnchorFocus: (i) => {
          const range = items[i].range;
          range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          anchorRect = range.getClientRects()[0] ?? range.getBoundingClientRect();
          show(i, 'focus');
        },
        onAnchorBlur: () => undefined,
        onClose: () => close(true),
        onPopoverEnter: () => intent.keep(),
        onPopoverLeave: () => {
          if (openedBy === 'hover') intent.scheduleClose();
        },
      }),
      container,
    );
  };
  const show = (i: number, via: 'hover' | 'focus') => {
    open = i;
    openedBy = via;
    if (via === 'hover') anchorRect = null;
    paintActive(items[i].range);
    draw();
  };
  const close = (restoreFocus = false) => {
    if (open === null) return;
    const wasFocus = openedBy === 'focus';
    const anchor = container?.querySelector<HTMLButtonElement>(`.cl-anchor[data-index="${open}"]`);
    open = null;
    openedBy = null;
    anchorRect = null;
    paintActive(null);
    draw();
    if (restoreFocus && wasFocus) anchor?.focus({ preventScroll: true });
  };
  const intent = new HoverIntent<number>((i) => show(i, 'hover'), () => {
    if (openedBy === 'hover') close();
  });

  const ui = await createShadowRootUi(ctx, {
    name: UI_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (el) => {
      container = el;
      el.addEventListener('focusout', (e) => {
        const next = (e as FocusEvent).relatedTarget as Node | null;
        if (openedBy === 'focus' && (!next || !el.contains(next))) close();
      });
      draw();
      return el;
    },
    onRemove: (el) => {
      if (el) render(null, el);
      container = null;
    },
  });
  if (signal.aborted) return;
  ui.mount();

  // Pointer: hit-test at most once a frame, and only while something is highlighted.
  let frame = 0;
  let lastX = 0;
  let lastY = 0;
  const onPointerMove = (e: PointerEvent) => {
    lastX = e.clientX;
    lastY = e.clientY;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (e.composedPath().includes(ui.shadowHost)) return;
      const hit = hitTest(items, lastX, lastY);
      intent.over(hit ? items.indexOf(hit) : undefined, openedBy === 'hover' ? (open ?? undefined) : undefined);
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open !== null) close(true);
  };
  const onPointerDown = (e: PointerEvent) => {
    if (open !== null && !e.composedPath().includes(ui.shadowHost)) close();
  };
  const listen = { passive: true, signal } as const;
  document.addEventListener('pointermove', onPointerMove, listen);
  document.addEventListener('pointerdown', onPointerDown, listen);
  document.addEventListener('keydown', onKeyDown, { signal, capture: true });

  signal.addEventListener(
    'abort',
    () => {
      intent.cancel();
      cancelAnimationFrame(frame);
      clearHighlights();
      ui.remove();
      report([]);
    },
    { once: true },
  );
}
