/**
 * Our own layer on the page: a custom element with an open shadow root, so
 * page CSS cannot reach our UI and ours cannot leak out. Styles go in as a
 * constructed stylesheet (adoptedStyleSheets): unlike a <style> element, that
 * is not inline style as far as a page's Content-Security-Policy is concerned.
 */
export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** where the UI renders */
  container: HTMLElement;
  remove(): void;
}

/** Resets what a page's CSS could still push into the host (inherited properties, `all` on the element itself). */
const HOST_RESET = ':host { all: initial !important; position: static !important; display: inline !important; }';

export function createShadowHost(tag: string, css: string, doc: Document = document): ShadowHost {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(`${HOST_RESET}\n${css}`);
  shadow.adoptedStyleSheets = [sheet];
  const container = doc.createElement('div');
  shadow.append(container);
  (doc.body ?? doc.documentElement).append(host);
  return { host, shadow, container, remove: () => host.remove() };
}
