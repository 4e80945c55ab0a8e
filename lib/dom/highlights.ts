/**
 * Paints matches with the CSS Custom Highlight API: no DOM changes, so no
 * layout shift and nothing for a framework's reconciler to trip over. The
 * `::highlight()` styles ship as manifest CSS (public/highlights.css), which a
 * page's CSP cannot block. The registry is shared with the page, so the names
 * are neutral and nothing else is stored in it.
 */
export const HIGHLIGHT_NAME = 'context-lens';
export const ACTIVE_HIGHLIGHT_NAME = 'context-lens-active';

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function paintHighlights(ranges: Range[]): void {
  if (!supportsHighlights()) return;
  if (ranges.length === 0) CSS.highlights.delete(HIGHLIGHT_NAME);
  else CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
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
