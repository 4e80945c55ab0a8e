/** The key a per-site setting is stored under: the host name, lower case, without "www.". */
export function siteKey(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return stripWww(parsed.hostname.toLowerCase().replace(/\.$/, ''));
}

function stripWww(host: string): string {
  // "www." alone is a host of its own, not a prefix to drop.
  return host.length > 4 ? host.replace(/^www\./, '') : host;
}

/**
 * The site key for what a person typed or an old version stored: "Example.com",
 * "www.example.com", "https://www.example.com/page", "example.com:8080" all give
 * "example.com". Null when it is not a host name (spaces, empty, other schemes).
 */
export function parseSite(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (hasScheme && !/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || host.startsWith('.') || host.includes('..')) return null;
  return stripWww(host);
}

/** Extension stores, where browsers never run extensions' content scripts. */
const STORES: { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org' },
  { host: 'addons.opera.com' },
];

/**
 * What kind of page a tab shows, from its URL, for a popup whose content script
 * did not answer: a web page (its site), or why extensions cannot run there.
 */
export function pageKind(url: string | undefined): { kind: 'web'; site: string } | { kind: 'browser' | 'store' | 'file' | 'unknown' } {
  if (!url) return { kind: 'unknown' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'unknown' };
  }
  if (parsed.protocol === 'file:') return { kind: 'file' };
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    const host = parsed.hostname.toLowerCase();
    if (STORES.some((s) => s.host === host && (!s.path || parsed.pathname.startsWith(s.path)))) return { kind: 'store' };
    return { kind: 'web', site: siteKey(parsed)! };
  }
  return { kind: 'browser' };
}
