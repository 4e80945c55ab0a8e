/**
 * The boot script's checks of what reaches it: the same shapes as the schemas
 * in messages.ts, written out by hand because zod would triple the size of the
 * one script that runs on every page. tests/unit/messages.test.ts holds them
 * to the schemas.
 */
import type { ClaimSummary, PageTextReply } from './messages';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function bootPageTextReply(value: unknown): PageTextReply | null {
  if (!isRecord(value) || typeof value.active !== 'boolean' || typeof value.lens !== 'boolean') return null;
  return { active: value.active, lens: value.lens };
}

const isClaimSummary = (value: unknown): value is ClaimSummary =>
  isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && typeof value.count === 'number';

/** The claims of a frame-claims message, or null. */
export function bootFrameClaims(value: unknown): ClaimSummary[] | null {
  if (!isRecord(value) || value.type !== 'frame-claims' || !Array.isArray(value.claims) || !value.claims.every(isClaimSummary)) return null;
  return value.claims.map(({ id, title, count }) => ({ id, title, count }));
}

/** The requests the boot script answers (before the lens takes over), or null. */
export function bootRequest(value: unknown): 'get-page-state' | 'focus-claim' | null {
  if (!isRecord(value)) return null;
  if (value.type === 'get-page-state') return value.type;
  if (value.type === 'focus-claim' && (value.id === undefined || typeof value.id === 'string')) return value.type;
  return null;
}
