import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defineSettingsItems,
  dismissClaim,
  getSettings,
  isActiveOn,
  readSettings,
  restoreClaim,
  setPaused,
  setSiteEnabled,
  watchSettings,
  type Settings,
} from '../../lib/settings';
import { pageKind, parseSite, siteKey } from '../../lib/settings/host';
import { clearProblems, getProblems } from '../../lib/settings/problems';
import { migrateSitesV1, SITES_VERSION } from '../../lib/settings/sites';

const local = () => fakeBrowser.storage.local;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('site keys', () => {
  it('uses the host name without www., lower case', () => {
    expect(siteKey('https://www.Example.com/path?q=1')).toBe('example.com');
    expect(siteKey('http://127.0.0.1:8080/demo.html')).toBe('127.0.0.1');
    expect(siteKey('https://news.example.co.uk/')).toBe('news.example.co.uk');
    expect(siteKey('https://example.com./')).toBe('example.com');
    expect(siteKey('file:///home/me/page.html')).toBeNull();
    expect(siteKey('chrome://version')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
  });

  it('reads what people type as the same key', () => {
    for (const typed of ['example.com', 'Example.COM', 'www.example.com', ' https://www.example.com/a/b ', 'example.com:8443', 'http://example.com.']) {
      expect(parseSite(typed), typed).toBe('example.com');
    }
    expect(parseSite('localhost')).toBe('localhost');
    expect(parseSite('bücher.de')).toBe('xn--bcher-kva.de');
    expect(parseSite('[::1]')).toBe('[::1]');
    for (const bad of ['', '   ', 'exa mple.com', 'ftp://example.com', 'chrome://version', 'http://', 'a..b', 'user:pw@example.com', '.example.com']) {
      expect(parseSite(bad), bad).toBeNull();
    }
  });

  it('tells web pages from pages extensions cannot run on', () => {
    expect(pageKind('https://www.example.com/')).toEqual({ kind: 'web', site: 'example.com' });
    expect(pageKind('chrome://version/')).toEqual({ kind: 'browser' });
    expect(pageKind('about:addons')).toEqual({ kind: 'browser' });
    expect(pageKind('chrome-extension://abc/popup.html')).toEqual({ kind: 'browser' });
    expect(pageKind('https://chromewebstore.google.com/detail/x')).toEqual({ kind: 'store' });
    expect(pageKind('https://chrome.google.com/webstore/category/extensions')).toEqual({ kind: 'store' });
    expect(pageKind('https://chrome.google.com/search')).toEqual({ kind: 'web', site: 'chrome.google.com' });
    expect(pageKind('https://addons.mozilla.org/en-US/firefox/')).toEqual({ kind: 'store' });
    expect(pageKind('file:///tmp/a.html')).toEqual({ kind: 'file' });
    expect(pageKind(undefined)).toEqual({ kind: 'unknown' });
  });
});

describe('settings', () => {
  it('starts with defaults: on everywhere, not paused, nothing dismissed', async () => {
    expect(await getSettings()).toEqual({ disabledSites: [], paused: false, dismissed: [] });
    expect(await getProblems()).toEqual([]);
  });

  it('switches a site off and on, sorted and without repeats', async () => {
    await setSiteEnabled('b.example', false);
    await setSiteEnabled('a.example', false);
    await setSiteEnabled('a.example', false);
    expect((await getSettings()).disabledSites).toEqual(['a.example', 'b.example']);
    await setSiteEnabled('a.example', true);
    expect((await getSettings()).disabledSites).toEqual(['b.example']);
    expect(await local().get('disabledSites$')).toEqual({ disabledSites$: { v: SITES_VERSION } });
  });

  it('pauses, dismisses and restores claims', async () => {
    await setPaused(true);
    await dismissClaim('venezuela-norway');
    await dismissClaim('bbc-purge');
    await dismissClaim('bbc-purge');
    expect(await getSettings()).toEqual({ disabledSites: [], paused: true, dismissed: ['bbc-purge', 'venezuela-norway'] });
    await restoreClaim('bbc-purge');
    expect((await getSettings()).dismissed).toEqual(['venezuela-norway']);
  });

  it('decides where context shows', () => {
    const s: Settings = { disabledSites: ['example.com'], paused: false, dismissed: [] };
    expect(isActiveOn(s, 'example.com')).toBe(false);
    expect(isActiveOn(s, 'other.org')).toBe(true);
    expect(isActiveOn(s, null)).toBe(true);
    expect(isActiveOn({ ...s, paused: true }, 'other.org')).toBe(false);
    expect(isActiveOn({ ...s, paused: true }, null)).toBe(false);
  });

  it('calls watchers with the whole settings object on any change', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await setPaused(true);
    await vi.waitFor(() => expect(seen.at(-1)?.paused).toBe(true));
    await setSiteEnabled('example.com', false);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ disabledSites: ['example.com'], paused: true, dismissed: [] }));
    stop();
  });
});

describe('migrations', () => {
  it('v1 -> v2 normalises site names and removes repeats', () => {
    expect(migrateSitesV1(['WWW.Example.com', 'example.com', 'News.BBC.co.uk', 'www.bbc.co.uk', 'localhost'])).toEqual([
      'bbc.co.uk',
      'example.com',
      'localhost',
      'news.bbc.co.uk',
    ]);
    // Not a host name: kept (lower case), never dropped.
    expect(migrateSitesV1(['Weird Entry'])).toEqual(['weird entry']);
    // Unreadable values are left for the reader to report.
    expect(migrateSitesV1('oops')).toBe('oops');
  });

  it('upgrades settings stored by the first version to the current one and loses nothing', async () => {
    // Exactly what version 1 stored: values plus WXT's "$" version notes.
    await local().set({
      disabledSites: ['www.Example.com', 'example.com', 'Twitter.com', '127.0.0.1'],
      disabledSites$: { v: 1 },
      paused: true,
      paused$: { v: 1 },
      dismissedClaims: ['bbc-purge', 'venezuela-norway'],
      dismissedClaims$: { v: 1 },
    });
    const items = defineSettingsItems();
    expect(await readSettings(items)).toEqual({
      disabledSites: ['127.0.0.1', 'example.com', 'twitter.com'],
      paused: true,
      dismissed: ['bbc-purge', 'venezuela-norway'],
    });
    const stored = await local().get(null);
    expect(stored.disabledSites).toEqual(['127.0.0.1', 'example.com', 'twitter.com']);
    expect(stored.disabledSites$).toEqual({ v: SITES_VERSION });
    expect(stored.paused).toBe(true);
    expect(stored.dismissedClaims).toEqual(['bbc-purge', 'venezuela-norway']);
    expect(await getProblems()).toEqual([]);
  });

  it('treats a value stored without a version note as version 1', async () => {
    await local().set({ disabledSites: ['WWW.A.example'] });
    const items = defineSettingsItems();
    expect((await readSettings(items)).disabledSites).toEqual(['a.example']);
    expect((await local().get('disabledSites$')).disabledSites$).toEqual({ v: SITES_VERSION });
  });

  it('leaves current-version values alone', async () => {
    await local().set({ disabledSites: ['a.example', 'b.example'], disabledSites$: { v: SITES_VERSION } });
    const items = defineSettingsItems();
    expect((await readSettings(items)).disabledSites).toEqual(['a.example', 'b.example']);
  });
});

describe('corrupted values', () => {
  it('fall back to defaults, are reported once, and are not thrown', async () => {
    await local().set({
      disabledSites: 'example.com',
      disabledSites$: { v: SITES_VERSION },
      paused: 'yes',
      dismissedClaims: { 0: 'bbc-purge' },
    });
    const items = defineSettingsItems();
    await expect(readSettings(items)).resolves.toEqual({ disabledSites: [], paused: false, dismissed: [] });
    const problems = await getProblems();
    expect(problems.map((p) => [p.setting, p.found])).toEqual(
      expect.arrayContaining([
        ['disabledSites', '"example.com"'],
        ['paused', '"yes"'],
        ['dismissedClaims', '{"0":"bbc-purge"}'],
      ]),
    );
    expect(problems).toHaveLength(3);
    // Repaired: reading again reports nothing new.
    await readSettings(items);
    expect(await getProblems()).toHaveLength(3);
    await clearProblems();
    await readSettings(items);
    expect(await getProblems()).toEqual([]);
  });

  it('survive a corrupted v1 site list through the migration', async () => {
    await local().set({ disabledSites: ['WWW.A.example', 7], disabledSites$: { v: 1 } });
    const items = defineSettingsItems();
    expect((await readSettings(items)).disabledSites).toEqual(['a.example']);
    expect((await getProblems())[0].setting).toBe('disabledSites');
  });
});

/**
 * Each stored setting corrupted in turn, the others good: the corrupted one
 * falls back (the good entries of a damaged list are kept), the others keep
 * their values, the problem is noted once and the stored value repaired.
 */
describe('each stored setting corrupted in turn', { timeout: 60_000 }, () => {
  const GOOD = { disabledSites: ['a.example', 'b.example'], paused: true, dismissedClaims: ['bbc-purge'] };
  const VERSION = { disabledSites: SITES_VERSION, paused: 1, dismissedClaims: 1 };
  type Stored = keyof typeof GOOD;
  const SETTING: Record<Stored, keyof Settings> = { disabledSites: 'disabledSites', paused: 'paused', dismissedClaims: 'dismissed' };
  const DEFAULT: Settings = { disabledSites: [], paused: false, dismissed: [] };
  const goodSettings: Settings = { disabledSites: GOOD.disabledSites, paused: GOOD.paused, dismissed: GOOD.dismissedClaims };

  const huge = Array.from({ length: 200_000 }, (_, i) => `x${String(i).padStart(6, '0')}.example`);
  const garbage = `\u0000{{not json]]${'x'.repeat(5000)}`;
  const badItems = ['b.example', 42, null, '', '   ', {}, ['a.example'], 'y'.repeat(5000), 'a.example'];

  /** [what, stored key, value, version note (undefined: the current one), what is read, noted?] */
  type Case = [string, Stored, unknown, unknown, unknown, boolean];
  const listCases = (key: 'disabledSites' | 'dismissedClaims'): Case[] => [
    ['a number', key, 42, undefined, [], true],
    ['an object', key, { 0: 'bbc-purge' }, undefined, [], true],
    ['a boolean', key, true, undefined, [], true],
    ['a garbage string', key, garbage, undefined, [], true],
    ['a huge array (its first 10,000 entries are kept)', key, huge, undefined, huge.slice(0, 10_000), true],
    ['an array with bad items (the good ones are kept)', key, badItems, undefined, ['a.example', 'b.example'], true],
    ['a version note from a newer version', key, GOOD[key], { v: 99 }, [], true],
    ['a version note of version 0', key, GOOD[key], { v: 0 }, key === 'disabledSites' ? GOOD[key] : [], key !== 'disabledSites'],
    // WXT reads a null value as no value (its own setValue(null) stores null): the default, nothing to note
    ['null', key, null, undefined, [], false],
  ];
  const CASES: Case[] = [
    ...listCases('disabledSites'),
    // WXT replaces a note it cannot count from with the current version before anything else reads it
    ['a damaged version note (WXT resets it; the good value stays)', 'disabledSites', GOOD.disabledSites, { v: 'two' }, GOOD.disabledSites, false],
    ...listCases('dismissedClaims'),
    ['a damaged version note', 'dismissedClaims', GOOD.dismissedClaims, { v: 'two' }, [], true],
    ['a number', 'paused', 1, undefined, false, true],
    ['a string', 'paused', 'true', undefined, false, true],
    ['a garbage string', 'paused', garbage, undefined, false, true],
    ['a huge array', 'paused', huge, undefined, false, true],
    ['an array', 'paused', [true], undefined, false, true],
    ['an object', 'paused', { value: true }, undefined, false, true],
    ['a version note from a newer version', 'paused', true, { v: 2 }, false, true],
    ['a damaged version note', 'paused', true, { v: 1.5 }, false, true],
    ['null', 'paused', null, undefined, false, false],
  ];

  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));

  it.each(CASES)('%s in %s', async (_, key, value, note, expected, noted) => {
    const notes = Object.fromEntries(Object.entries(VERSION).map(([k, v]) => [`${k}$`, { v }]));
    await local().set({ ...GOOD, ...notes, [key]: value, ...(note === undefined ? {} : { [`${key}$`]: note }) });
    const settings = await readSettings(defineSettingsItems());
    expect(settings).toEqual({ ...goodSettings, [SETTING[key]]: expected });

    const problems = await getProblems();
    expect(problems.map((p) => p.setting)).toEqual(noted ? [key] : []);
    if (noted) {
      expect(problems[0].found.length).toBeLessThan(400);
      // repaired: what was kept is stored (a default is removed), under a version note this code knows
      const stored = await local().get([key, `${key}$`]);
      expect(stored[key]).toEqual(expected === DEFAULT[SETTING[key]] || (Array.isArray(expected) && expected.length === 0) ? undefined : expected);
      expect(knownNote(stored[`${key}$`], VERSION[key])).toBe(true);
    }
    // read again: the same settings, nothing new to note
    expect(await readSettings(defineSettingsItems())).toEqual(settings);
    expect(await getProblems()).toHaveLength(noted ? 1 : 0);
  });

  /** No note, or a whole version from 1 to the current one. */
  const knownNote = (note: unknown, current: number) => {
    const v = (note as { v?: unknown } | undefined)?.v;
    return v === undefined || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= current);
  };

  it('a huge list is noted in short: its first entries and its length', async () => {
    await local().set({ dismissedClaims: huge, dismissedClaims$: { v: 1 } });
    await getSettings();
    const [problem] = await getProblems();
    expect(problem.found).toMatch(/^\(200000 items\) \["x000000\.example",/);
  });
});
