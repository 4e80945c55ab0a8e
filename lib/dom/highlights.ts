/**
 * Paints matches with the CSS Custom Highlight API: no DOM changes, so no
 * layout shift and nothing for a framework's reconciler to trip over. The
 * `::highlight()` rules (lib/dom/highlight-style.ts) are inserted by the background
 * with the lens (scripting.insertCSS), which a page's CSP cannot block. The registry is shared with the page, so the names
 * are neutral and nothing else is stored in it.
 */
export const HIGHLIGHT_NAME = 'context-lens';
export const ACTIVE_HIGHLIGHT_NAME = 'context-lens-active';

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * The most matches painted on one page. A reader looks at a handful of
 * highlights, never at thousands: a page with more is a list of the same
 * claim (a spam or test page), and every further range only costs, since the
 * browser keeps each one up to date on every DOM change and walks them all on
 * every paint. 1,000 still marks every claim of the longest real article.
 */
export const MAX_HIGHLIGHTS = 1_000;

/** Paints the first MAX_HIGHLIGHTS of `ranges` (pass them in document order). */
export function paintHighlights(ranges: Range[]): void {
  if (!supportsHighlights()) return;
  if (ranges.length === 0) CSS.highlights.delete(HIGHLIGHT_NAME);
  else CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges.slice(0, MAX_HIGHLIGHTS)));
}

export function paintActive(range: Range | null): void {
  if (!supportsHighlights()) return;
  if (range) CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, new Highlight(range));
  else CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
}

export function clearHighlights(): void {
  if (!supportsHighlights()) return;
  CSS.highlights.delete(HIGHLIGHT_NAME);
  CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
}
