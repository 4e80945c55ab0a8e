/**
 * Whether a dataset URL may become a link. The schema already demands https
 * at build time; this is checked again where a link is drawn, so a bad entry
 * that got past the build (or a future imported dataset) still cannot put a
 * `javascript:`, `data:` or plain-http link in front of someone.
 */
export function linkableUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  // Credentials in a link only serve to disguise where it goes (https://trusted.org@evil.example/).
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
  // The parsed form: what the browser will open is what was checked.
  return url.href;
}
