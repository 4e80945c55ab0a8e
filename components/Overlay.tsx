/**
 * Everything the content script shows, inside its shadow root: one
 * focusable anchor per highlighted claim (reachable with Tab after the page's
 * own content, or with the "next claim" shortcut), and the open popover right
 * after its anchor, so Tab moves from the anchor into the card.
 */
import type { ClaimView } from '../lib/match/compile';
import { t } from '../lib/i18n';
import { ClaimPopover } from './ClaimPopover';

export interface OverlayItem {
  key: string;
  claim: ClaimView;
  range: Range;
  words: string[];
}

export interface OverlayProps {
  items: OverlayItem[];
  open: number | null;
  /** where the focused anchor sits: the claim's first line box */
  anchorRect: DOMRect | null;
  lang: string;
  onAnchorFocus: (index: number) => void;
  onClose: () => void;
  onDismiss: (index: number) => void;
  onPopoverEnter: () => void;
  onPopoverLeave: () => void;
}

export const POPOVER_ID = 'cl-popover';

export function Overlay(props: OverlayProps) {
  const { items, open, anchorRect } = props;
  return (
    <div class="cl-root">
      {items.map((item, i) => (
        <div class="cl-slot" key={item.key}>
          <button
            type="button"
            class="cl-anchor"
            data-key={item.key}
            aria-label={t('anchorLabel', 'Context for the claim: $1', item.claim.title)}
            aria-expanded={open === i}
            aria-controls={open === i ? POPOVER_ID : undefined}
            style={
              open === i && anchorRect
                ? {
                    left: `${anchorRect.left - 2}px`,
                    top: `${anchorRect.top - 2}px`,
                    width: `${anchorRect.width + 4}px`,
                    height: `${anchorRect.height + 4}px`,
                  }
                : undefined
            }
            onFocus={() => props.onAnchorFocus(i)}
          />
          {open === i && (
            <ClaimPopover
              id={POPOVER_ID}
              claim={item.claim}
              range={item.range}
              words={item.words}
              lang={props.lang}
              onClose={props.onClose}
              onDismiss={() => props.onDismiss(i)}
              onPointerEnter={props.onPopoverEnter}
              onPointerLeave={props.onPopoverLeave}
            />
          )}
        </div>
      ))}
    </div>
  );
}
