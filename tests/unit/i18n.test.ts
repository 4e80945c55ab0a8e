import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../components/Popup';
import { badgeTitle } from '../../lib/badge';
import { t } from '../../lib/i18n';

const ROOT = resolve(import.meta.dirname, '../..');
type Messages = Record<string, { message: string; description?: string }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const es = load('es');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every t('key', 'fallback' ...) call in the UI code (and withPart, which calls t). */
function uses(): { key: string; fallback: string; file: string }[] {
  const found: { key: string; fallback: string; file: string }[] = [];
  const call = /\b(?:t|withPart)\(\s*'([A-Za-z0-9_@]+)'\s*,\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")?/g;
  for (const file of ['components', 'entrypoints', 'lib'].flatMap((d) => files(join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) {
      const raw = m[2] ?? m[3];
      found.push({ key: m[1], fallback: raw === undefined ? '' : raw.replace(/\\(.)/g, '$1'), file: relative(ROOT, file) });
    }
  }
  return found;
}

const placeholders = (message: string) => [...message.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join(',');

describe('UI text (browser.i18n)', () => {
  const used = uses();

  it('finds the calls', () => {
    expect(used.length).toBeGreaterThan(40);
    expect(used.map((u) => u.key)).toContain('siteSwitch');
  });

  it('has every key used in the code in English and Spanish', () => {
    const missing = used.flatMap(({ key, file }) => [
      ...(en[key] ? [] : [`en: ${key} (${file})`]),
      ...(es[key] ? [] : [`es: ${key} (${file})`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('has the keys the manifest uses', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const keys = [...config.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]);
    expect(keys).toEqual(expect.arrayContaining(['extName', 'extDescription', 'commandToggleSite', 'commandNextClaim']));
    for (const key of keys) {
      expect(en[key], key).toBeDefined();
      expect(es[key], key).toBeDefined();
    }
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(es.extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it('has the keys the content script UI needs', () => {
    for (const key of ['popoverKicker', 'popoverClose', 'popoverSources', 'popoverWhy', 'popoverDismiss', 'anchorLabel']) {
      expect(en[key], key).toBeDefined();
      expect(es[key], key).toBeDefined();
    }
  });

  it('has every English key in Spanish, and no Spanish key without an English one', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the code’s English fallback the same as the English message', () => {
    const drift = used.filter((u) => u.fallback && en[u.key] && en[u.key].message !== u.fallback);
    expect(drift.map((u) => `${u.key} (${u.file}): "${u.fallback}" vs "${en[u.key].message}"`)).toEqual([]);
  });

  it('uses the same substitutions in both languages, and only $1..$9', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(es[key].message), key).toBe(placeholders(en[key].message));
      for (const lang of [en, es]) {
        // A "$" not followed by a digit would be read as a named placeholder.
        expect(lang[key].message, key).not.toMatch(/\$(?!\d)/);
        expect(lang[key].message.trim(), key).not.toBe('');
      }
    }
  });

  it('uses key names browsers accept', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('falls back to the English text, with substitutions, outside the extension', () => {
    expect(t('siteSwitch', 'Show context on $1', 'example.com')).toBe('Show context on example.com');
    expect(t('datasetReviewRange', '$1 to $2', ['2021', '2024'])).toBe('2021 to 2024');
  });
});

/** browser.i18n.getMessage as browsers implement it for positional substitutions. */
function speak(messages: Messages) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = typeof subs === 'string' ? [subs] : (subs ?? []);
    return messages[key]?.message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') ?? '';
  }) as never);
}

describe('UI text in Spanish', () => {
  afterEach(() => vi.restoreAllMocks());

  it('draws the popup from the Spanish messages', () => {
    speak(es);
    const root = document.createElement('div');
    render(
      h(Popup, {
        state: { kind: 'site', site: 'example.com', enabled: true, running: true, claims: [{ id: 'a', title: 'A', count: 2 }, { id: 'b', title: 'B', count: 1 }] },
        paused: false,
        shortcuts: [{ name: 'toggle-site', shortcut: 'Alt+Shift+L' }],
        onToggle: () => undefined,
        onPause: () => undefined,
        onJump: () => undefined,
        onOpenOptions: () => undefined,
      }),
      root,
    );
    expect(root.querySelector('label.switch')!.textContent).toBe('Mostrar contexto en example.com');
    expect(root.querySelector('#claim-count')!.textContent).toBe('2 afirmaciones con contexto en esta página');
    expect(root.querySelector('#pause')!.textContent).toBe('Pausar en todos los sitios');
    expect(root.querySelector('.claim-places')!.textContent).toBe('2 lugares');
    render(null, root);
  });

  it('titles the badge in Spanish', () => {
    speak(es);
    expect(badgeTitle(3)).toBe('Context Lens: 3 afirmaciones con contexto en esta página');
    expect(badgeTitle(1)).toBe('Context Lens: 1 afirmación con contexto en esta página');
  });
});
