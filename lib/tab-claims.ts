/**
 * A tab's claims across its frames: the top page and the same-origin frames
 * in it each report their own; the badge and the popup show the union.
 */
import type { ClaimSummary } from './messages';

/** One entry per claim id, occurrences added up, in first-seen order. */
export function mergeClaims(lists: Iterable<readonly ClaimSummary[]>): ClaimSummary[] {
  const byId = new Map<string, ClaimSummary>();
  for (const list of lists) {
    for (const claim of list) {
      const seen = byId.get(claim.id);
      byId.set(claim.id, seen ? { ...seen, count: seen.count + claim.count } : { ...claim });
    }
  }
  return [...byId.values()];
}

/** What each frame of each tab reported last. */
export class TabClaims {
  private readonly tabs = new Map<number, Map<number, ClaimSummary[]>>();

  /** Records a frame's report; returns the tab's union and the union of its other frames (for the top page). */
  report(tabId: number, frameId: number, claims: ClaimSummary[]): { all: ClaimSummary[]; subframes: ClaimSummary[] } {
    const frames = this.tabs.get(tabId) ?? new Map<number, ClaimSummary[]>();
    this.tabs.set(tabId, frames);
    if (claims.length) frames.set(frameId, claims);
    else frames.delete(frameId);
    const subframes = mergeClaims([...frames].filter(([id]) => id !== 0).map(([, list]) => list));
    return { all: mergeClaims(frames.values()), subframes };
  }

  /** The tab's union, as last reported. */
  all(tabId: number): ClaimSummary[] {
    return mergeClaims(this.tabs.get(tabId)?.values() ?? []);
  }

  /** The tab loaded a new page: its frames start over. */
  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }
}
