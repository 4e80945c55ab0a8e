/**
 * The interactive layer: a shadow-root UI with one focusable anchor per
 * highlighted claim, and the popover. Opens on hover (after a dwell), on
 * keyboard focus and on tap; closes on Escape, outside click, scroll away.
 */
import { h, render } from 'preact';
import { Overlay, type OverlayItem } from '../../components/Overlay';
import { hitTest } from '../../lib/dom/hit-test';
import { paintActive } from '../../lib/dom/highlights';
import { HoverIntent } from '../../lib/dom/hover-intent';
import { createShadowHost } from '../../lib/dom/shadow-host';
import { uiLanguage } from '../../lib/i18n';
import css from './style.css?inline';
import { UI_TAG } from './ui-handle';

type Via = 'hover' | 'focus' | 'tap';

export interface OverlayController {
  setItems(items: OverlayItem[]): void;
  focusNext(id?: string): boolean;
}

export function createOverlay(
  signal: AbortSignal,
  onDismiss: (claimId: string) => void,
): OverlayController | null {
  let items: OverlayItem[] = [];
  let open: OverlayItem | null = null;
  let openedBy: Via | null = null;
  let anchorRect: DOMRect | null = null;
  let container: HTMLElement | null = null;
  let restoringFocus = false;
  const lang = uiLanguage();

  const draw = () => {
    if (!container) return;
    const openIndex = open ? items.indexOf(open) : -1;
    render(
      h(Overlay, {
        items,
        open: openIndex >= 0 ? openIndex : null,
        anchorRect,
        lang,
        onAnchorFocus: (i) => {
          if (restoringFocus) return;
          const range = items[i].range;
          range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          anchorRect = range.getClientRects()[0] ?? range.getBoundingClientRect();
          show(items[i], 'focus');
        },
        onClose: () => close(true),
        onDismiss: (i) => {
          const id = items[i].claim.id;
          close();
          onDismiss(id);
        },
        onPopoverEnter: () => intent.keep(),
        onPopoverLeave: () => {
          if (openedBy === 'hover') intent.scheduleClose();
        },
      }),
      container,
    );
  };

  const show = (item: OverlayItem, via: Via) => {
    open = item;
    openedBy = via;
    if (via !== 'focus') anchorRect = null;
    paintActive(item.range);
    draw();
  };

  const close = (restoreFocus = false) => {
    if (!open) return;
    const wasFocus = openedBy === 'focus';
    const anchor = container?.querySelector<HTMLButtonElement>(`.cl-anchor[data-key="${open.key}"]`);
    open = null;
    openedBy = null;
    anchorRect = null;
    paintActive(null);
    draw();
    if (restoreFocus && wasFocus && anchor) {
      // Focus goes back where it was; that must not open the card again.
      restoringFocus = true;
      anchor.focus({ preventScroll: true });
      restoringFocus = false;
    }
  };

  const intent = new HoverIntent<OverlayItem>(
    (item) => show(item, 'hover'),
    () => {
      if (openedBy === 'hover') close();
    },
  );

  if (signal.aborted) return null;
  const ui = createShadowHost(UI_TAG, css);
  container = ui.container;
  container.addEventListener('focusout', (e) => {
    const next = (e as FocusEvent).relatedTarget as Node | null;
    if (openedBy === 'focus' && (!next || !ui.container.contains(next))) close();
  });
  draw();

  const ours = (e: Event) => e.composedPath().includes(ui.host);

  // Pointer: hit-test at most once a frame.
  let frame = 0;
  let pointer = { x: 0, y: 0 };
  let onCard = false;
  const onPointerMove = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    pointer = { x: e.clientX, y: e.clientY };
    onCard = ours(e);
    if (frame || onCard) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      // Over our card the card's enter/leave decide: a frame asked for on the way there must not close it.
      if (onCard) return;
      intent.over(hitTest(items, pointer.x, pointer.y), openedBy === 'hover' ? (open ?? undefined) : undefined);
    });
  };
  // Touch and pen have no hover: a tap on a claim opens its card at once.
  const onPointerUp = (e: PointerEvent) => {
    if (e.pointerType === 'mouse' || ours(e)) return;
    const hit = hitTest(items, e.clientX, e.clientY);
    if (hit) show(hit, 'tap');
  };
  const onPointerDown = (e: PointerEvent) => {
    if (open && !ours(e) && !(e.pointerType !== 'mouse' && hitTest(items, e.clientX, e.clientY))) close();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) close(true);
  };
  // Scrolled away: the card would float over unrelated text.
  let scrollFrame = 0;
  const onScroll = () => {
    if (!open || scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const r = open?.range.getBoundingClientRect();
      if (r && (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth)) close();
    });
  };
  const passive = { passive: true, signal } as const;
  document.addEventListener('pointermove', onPointerMove, passive);
  document.addEventListener('pointerup', onPointerUp, passive);
  document.addEventListener('pointerdown', onPointerDown, passive);
  document.addEventListener('scroll', onScroll, { passive: true, capture: true, signal });
  document.addEventListener('keydown', onKeyDown, { capture: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      intent.cancel();
      cancelAnimationFrame(frame);
      cancelAnimationFrame(scrollFrame);
      paintActive(null);
      render(null, ui.container);
      ui.remove();
      container = null;
    },
    { once: true },
  );

  return {
    setItems(next) {
      items = next;
      if (open && !items.includes(open)) {
        open = null;
        openedBy = null;
        paintActive(null);
      }
      draw();
    },
    focusNext(id) {
      const from = open ? items.indexOf(open) : -1;
      const order = [...items.slice(from + 1), ...items.slice(0, from + 1)];
      const next = order.find((item) => !id || item.claim.id === id);
      if (!next) return false;
      container?.querySelector<HTMLButtonElement>(`.cl-anchor[data-key="${next.key}"]`)?.focus();
      return true;
    },
  };
}
