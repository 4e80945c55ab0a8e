/** Badge text and title for a number of distinct claims. */
export const BADGE_MAX = 99;

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}

export function badgeTitle(count: number): string {
  if (count <= 0) return 'Context Lens';
  return `Context Lens: ${count} ${count === 1 ? 'claim' : 'claims'} with context on this page`;
}
