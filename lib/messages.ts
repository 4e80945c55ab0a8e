/**
 * Messages between the content scripts, the background and the popup. Every
 * message and reply is checked against its schema where it arrives: a value
 * that does not fit is ignored, whoever sent it.
 */
import * as z from 'zod/mini';
import { MAX_STYLE_TAGS, STYLE_TAG } from './dom/highlight-style';

const claimSummarySchema = () => z.object({ id: z.string(), title: z.string(), count: z.number() });
export type ClaimSummary = z.infer<ReturnType<typeof claimSummarySchema>>;

const messageSchema = () => z.discriminatedUnion('type', [
  /** boot -> background: the page's text (or what changed), for the quick look for trigger words */
  z.object({ type: z.literal('page-text'), text: z.string() }),
  /** lens -> background: what this tab shows now (empty when off or nothing found) */
  z.object({ type: z.literal('claims-found'), claims: z.array(claimSummarySchema()) }),
  /** background -> top page: what the page's same-origin frames found (their union) */
  z.object({ type: z.literal('frame-claims'), claims: z.array(claimSummarySchema()) }),
  /** lens -> background: load the popover UI (lens-ui.js) into this frame; the reply comes once it has run */
  z.object({ type: z.literal('load-ui') }),
  /** lens -> background: style highlights inside elements of these tag names (see lib/dom/highlight-style.ts) */
  z.object({ type: z.literal('style-highlights'), tags: z.array(z.string().check(z.regex(STYLE_TAG))).check(z.maxLength(MAX_STYLE_TAGS)) }),
  /** lens -> background: the settings, read and checked (the lens has no storage code of its own) */
  z.object({ type: z.literal('get-settings') }),
  /** lens -> background: the person asked not to see this claim again */
  z.object({ type: z.literal('dismiss-claim'), id: z.string() }),
  /** popup -> background: what the tab's frames reported (for a page whose boot script found nothing to send) */
  z.object({ type: z.literal('get-tab-claims'), tabId: z.number() }),
  /** popup/background -> content: what is on this page? */
  z.object({ type: z.literal('get-page-state') }),
  /** popup/background -> content: focus the next highlighted claim (of this id, if given) and open its card */
  z.object({ type: z.literal('focus-claim'), id: z.optional(z.string()) }),
]);
export type Message = z.infer<ReturnType<typeof messageSchema>>;
export type PageTextMessage = Extract<Message, { type: 'page-text' }>;
export type ClaimsFoundMessage = Extract<Message, { type: 'claims-found' }>;
export type GetPageStateMessage = Extract<Message, { type: 'get-page-state' }>;
export type FocusClaimMessage = Extract<Message, { type: 'focus-claim' }>;
export type FrameClaimsMessage = Extract<Message, { type: 'frame-claims' }>;
export type LoadUiMessage = Extract<Message, { type: 'load-ui' }>;
export type StyleHighlightsMessage = Extract<Message, { type: 'style-highlights' }>;
export type GetSettingsMessage = Extract<Message, { type: 'get-settings' }>;
export type DismissClaimMessage = Extract<Message, { type: 'dismiss-claim' }>;
export type GetTabClaimsMessage = Extract<Message, { type: 'get-tab-claims' }>;

/** background -> boot: whether the site is on, and whether the lens was loaded into the page (it takes over). */
const pageTextReplySchema = () => z.object({ active: z.boolean(), lens: z.boolean() });
export type PageTextReply = z.infer<ReturnType<typeof pageTextReplySchema>>;

const pageStateSchema = () => z.object({
  url: z.string(),
  site: z.nullable(z.string()),
  enabled: z.boolean(),
  claims: z.array(claimSummarySchema()),
});
export type PageState = z.infer<ReturnType<typeof pageStateSchema>>;

/** background -> lens: the reply to get-settings */
const settingsSchema = () => z.object({ disabledSites: z.array(z.string()), paused: z.boolean(), dismissed: z.array(z.string()) });

/** The schema is built on first use: building it runs much of zod's code, which would otherwise delay the lens's first paint. */
function parser<T>(makeSchema: () => z.ZodMiniType<T>) {
  let schema: z.ZodMiniType<T> | null = null;
  return (value: unknown): T | null => {
    const result = (schema ??= makeSchema()).safeParse(value);
    return result.success ? result.data : null;
  };
}

export const parseMessage = parser(messageSchema);
export const parsePageTextReply = parser(pageTextReplySchema);
export const parsePageState = parser(pageStateSchema);
export const parseSettings = parser(settingsSchema);
export const parseClaims = parser(() => z.array(claimSummarySchema()));
/** A focus-claim reply: did a claim get focus? */
export const parseFocused = parser(() => z.boolean());
