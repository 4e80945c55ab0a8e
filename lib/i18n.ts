/**
 * UI text through browser.i18n (_locales/en, _locales/es). Outside the
 * extension (unit tests) getMessage is missing or returns "", and the English
 * text given as the fallback is used.
 */
import { browser } from 'wxt/browser';

// Keys are checked by the tests against _locales/en/messages.json, not by WXT's generated key union.
type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function t(key: string, fallback: string, substitutions?: string | string[]): string {
  let message = '';
  try {
    message = (browser.i18n as unknown as { getMessage?: GetMessage } | undefined)?.getMessage?.(key, substitutions) ?? '';
  } catch {
    message = '';
  }
  if (message) return message;
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return fallback.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** The UI language, for choosing a dataset summary. */
export function uiLanguage(): string {
  try {
    return browser.i18n?.getUILanguage() ?? navigator.language;
  } catch {
    return navigator.language;
  }
}
