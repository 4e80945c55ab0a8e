/**
 * The context card for one claim. Dataset text is rendered as text only
 * (JSX children), never as HTML; a source is a link only if its URL passes
 * linkableUrl, else its title is plain text.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClaimView } from '../lib/match/compile';
import { t } from '../lib/i18n';
import { linkableUrl } from '../lib/safe-link';

export interface ClaimPopoverProps {
  claim: ClaimView;
  range: Range;
  words: string[];
  id: string;
  lang: string;
  onClose: () => void;
  onDismiss: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

export function ClaimPopover(props: ClaimPopoverProps) {
  const { claim, range, words, id, lang } = props;
  const ref = useRef<HTMLDivElement>(null);
  const placed = usePlacement(ref, range);
  const summary = (lang.startsWith('es') && claim.summary.es) || claim.summary.en;
  const titleId = `${id}-title`;
  return (
    <div
      ref={ref}
      id={id}
      class="cl-popover"
      // Unseen (and so never under the pointer) until it stands by its claim: drawn first at the corner, it
      // could cover a resting pointer, and the pointer "leaving" it as it moves away would close it at once.
      style={placed ? undefined : { visibility: 'hidden' }}
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={`${id}-summary`}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <div class="cl-head">
        <p class="cl-kicker">{t('popoverKicker', 'Context')}</p>
        <button type="button" class="cl-close" aria-label={t('popoverClose', 'Close context')} onClick={props.onClose}>
          ×
        </button>
      </div>
      <h2 id={titleId} class="cl-title">
        {claim.title}
      </h2>
      {claim.verdict && (
        <p class="cl-verdict">
          <span class="cl-verdict-by">{claim.verdict.by}:</span> “{claim.verdict.label}”
        </p>
      )}
      <p id={`${id}-summary`} class="cl-summary">
        {summary}
      </p>
      <h3 class="cl-sources-title">{t('popoverSources', 'Sources')}</h3>
      <ul class="cl-sources">
        {claim.sources.map((s) => (
          <li key={s.url}>
            <SourceTitle title={s.title} url={s.url} />
            <span class="cl-source-meta">
              {' '}
              {s.publisher}
              {s.date ? `, ${s.date}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p class="cl-why">
        {t('popoverWhy', 'Highlighted because the text mentions $1. Reviewed $2.', [
          words.map((w) => `“${w}”`).join(', '),
          claim.reviewed,
        ])}
      </p>
      <button type="button" class="cl-dismiss" onClick={props.onDismiss}>
        {t('popoverDismiss', "Don't show this claim again")}
      </button>
    </div>
  );
}

function SourceTitle({ title, url }: { title: string; url: string }) {
  const href = linkableUrl(url);
  if (!href) return <span>{title}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {title}
    </a>
  );
}

/** Places the card next to the claim's line (flips and shifts to stay in view); true once it has been placed. */
function usePlacement(ref: { current: HTMLDivElement | null }, range: Range): boolean {
  const [placed, setPlaced] = useState(false);
  useEffect(() => {
    const floating = ref.current;
    // A page that removed our element for good: nothing to show or place (showPopover would throw).
    if (!floating?.isConnected) return;
    // Top layer: above the page's sticky headers and overlays, whatever their z-index.
    if (typeof floating.showPopover === 'function') {
      floating.setAttribute('popover', 'manual');
      floating.showPopover();
    }
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    const update = () =>
      computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              floating.style.maxHeight = `${Math.max(120, availableHeight)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        setPlaced(true);
      });
    return autoUpdate(reference, floating, update);
  }, [range]);
  return placed;
}
