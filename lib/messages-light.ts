/**
 * The content scripts' checks of what reaches them (boot.js on every page,
 * lens.js where claims are): the same shapes as the schemas in messages.ts,
 * written out by hand because zod would add to what every page, or every
 * page with a claim, compiles. tests/unit/messages.test.ts holds them to the
 * schemas.
 */
import type { ClaimSummary, PageTextReply } from './messages';
import type { Settings } from './settings/model';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function checkPageTextReply(value: unknown): PageTextReply | null {
  if (!isRecord(value) || typeof value.active !== 'boolean' || typeof value.lens !== 'boolean') return null;
  return { active: value.active, lens: value.lens };
}

const isClaimSummary = (value: unknown): value is ClaimSummary =>
  isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && typeof value.count === 'number';

/** The claims of a frame-claims message, or null. */
export function checkFrameClaims(value: unknown): ClaimSummary[] | null {
  if (!isRecord(value) || value.type !== 'frame-claims' || !Array.isArray(value.claims) || !value.claims.every(isClaimSummary)) return null;
  return value.claims.map(({ id, title, count }) => ({ id, title, count }));
}

export type PageRequest = { type: 'get-page-state' } | { type: 'focus-claim'; id?: string };

/** The requests a page answers (the boot script until the lens takes over, then the lens), or null. */
export function checkPageRequest(value: unknown): PageRequest | null {
  if (!isRecord(value)) return null;
  if (value.type === 'get-page-state') return { type: value.type };
  if (value.type === 'focus-claim' && value.id === undefined) return { type: value.type };
  if (value.type === 'focus-claim' && typeof value.id === 'string') return { type: value.type, id: value.id };
  return null;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string');

/** The background's reply to get-settings, or null. */
export function checkSettings(value: unknown): Settings | null {
  if (!isRecord(value) || !isStringList(value.disabledSites) || typeof value.paused !== 'boolean' || !isStringList(value.dismissed)) return null;
  return { disabledSites: [...value.disabledSites], paused: value.paused, dismissed: [...value.dismissed] };
}
