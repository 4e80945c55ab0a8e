/**
 * Client-side navigation: calls `onChange` when the page's URL changes without
 * a page load (History API, Navigation API). Browsers with the Navigation API
 * say so with an event; others are asked once a second (a string compare).
 */
export const LOCATION_POLL_MS = 1_000;

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void, options: { signal: AbortSignal }): void;
}

export function watchLocation(signal: AbortSignal, onChange: () => void): void {
  let href = location.href;
  const check = () => {
    if (location.href === href) return;
    href = location.href;
    onChange();
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check, { signal });
  } else {
    const timer = setInterval(check, LOCATION_POLL_MS);
    signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  }
  addEventListener('popstate', check, { signal });
}
