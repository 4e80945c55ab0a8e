/** Badge text and title for a number of distinct claims. */
import { t } from './i18n';

export const BADGE_MAX = 99;

/** '' for none (no badge), the number, or "99+" above the cap. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}

/** The toolbar button's title, read by screen readers: the exact number, never capped. */
export function badgeTitle(count: number): string {
  const name = t('extName', 'Context Lens');
  if (count <= 0) return name;
  const found =
    count === 1
      ? t('claimsCountOne', '1 claim with context on this page')
      : t('claimsCountMany', '$1 claims with context on this page', String(count));
  return t('badgeTitle', '$1: $2', [name, found]);
}
