/**
 * The extension API as the browsers provide it to content scripts, without
 * the polyfill: Firefox's `browser` and Chrome's `chrome` are both
 * promise-based for the few calls boot.js and lens.js make. (Listeners still
 * answer with sendResponse: Chrome ignores a promise a listener returns.)
 */
export type ExtensionApi = (typeof import('wxt/browser'))['browser'];

export function extensionApi(): ExtensionApi {
  const world = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (world.browser ?? world.chrome)!;
}
