/**
 * The background's look at a page's joined text (textContent: blocks run
 * together, "Route AAusterity"): should the lens be loaded at all? Cheap
 * words first, then the rules themselves with vetoes off (see mayHoldClaim),
 * on the text as it is and with glued words pulled apart. It may let a page
 * through for nothing; the lens then reads it block by block and decides.
 */
import type { MatchIndex } from './compile';
import { mayHoldClaim } from './matcher';
import { hasAnchor, unglue } from './prefilter';
import { tokenize } from './tokenize';

export function pageMayHoldClaim(index: MatchIndex, text: string): boolean {
  if (!hasAnchor(index, text)) return false;
  if (mayHoldClaim(index, tokenize(text))) return true;
  const apart = unglue(text);
  return apart !== text && mayHoldClaim(index, tokenize(apart));
}
