import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, setPaused, setSiteEnabled, dismissClaim } from '../../lib/settings';
import {
  exportFileName,
  exportSettings,
  FILE_FORMAT,
  FILE_VERSION,
  importSettings,
  MAX_FILE_BYTES,
  parseSettingsFile,
} from '../../lib/settings/transfer';
import { SITES_VERSION } from '../../lib/settings/sites';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const file = (body: Record<string, unknown>) =>
  JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, disabledSites: [], paused: false, dismissedClaims: [], ...body });

async function seed() {
  await setSiteEnabled('example.com', false);
  await setSiteEnabled('news.example.org', false);
  await setPaused(true);
  await dismissClaim('bbc-purge');
}

describe('export', () => {
  it('writes every setting with the format and version', async () => {
    await seed();
    const now = new Date('2025-03-04T05:06:07Z');
    const json = JSON.parse(await exportSettings(now));
    expect(json).toEqual({
      format: FILE_FORMAT,
      version: FILE_VERSION,
      exportedAt: '2025-03-04T05:06:07.000Z',
      disabledSites: ['example.com', 'news.example.org'],
      paused: true,
      dismissedClaims: ['bbc-purge'],
    });
    expect(exportFileName(now)).toBe('context-lens-settings-2025-03-04.json');
  });
});

describe('import', () => {
  it('round-trips: export, change, import gives back what was exported', async () => {
    await seed();
    const text = await exportSettings();
    const before = await getSettings();
    await setSiteEnabled('example.com', true);
    await setSiteEnabled('third.example', false);
    await setPaused(false);
    await dismissClaim('venezuela-norway');
    expect(await getSettings()).not.toEqual(before);
    const result = await importSettings(text);
    expect(result.ok).toBe(true);
    expect(await getSettings()).toEqual(before);
  });

  it('replaces the settings and writes the version notes', async () => {
    await seed();
    const result = await importSettings(file({ disabledSites: ['WWW.Other.example', 'other.example'], dismissedClaims: ['b', 'a'] }));
    expect(result).toEqual({ ok: true, settings: { disabledSites: ['other.example'], paused: false, dismissed: ['a', 'b'] } });
    expect(await getSettings()).toEqual({ disabledSites: ['other.example'], paused: false, dismissed: ['a', 'b'] });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.disabledSites$).toEqual({ v: SITES_VERSION });
  });

  it('ignores fields it does not know (a later file layout may add some)', () => {
    expect(parseSettingsFile(file({ somethingNew: 1 })).ok).toBe(true);
  });

  const bad: [string, string, Record<string, unknown>][] = [
    ['not JSON', '{"format": ', { code: 'not-json' }],
    ['JSON but not ours', JSON.stringify({ hello: 'world' }), { code: 'not-settings' }],
    ['an array', '[]', { code: 'not-settings' }],
    ['a newer layout', file({ version: FILE_VERSION + 1 }), { code: 'newer-version', version: FILE_VERSION + 1 }],
    ['a field of the wrong type', file({ paused: 'yes' }), { code: 'bad-field', field: 'paused' }],
    ['a missing field', JSON.stringify({ format: FILE_FORMAT, version: 1, paused: false, dismissedClaims: [] }), { code: 'bad-field', field: 'disabledSites' }],
    ['a non-string entry', file({ dismissedClaims: ['a', 3] }), { code: 'bad-field', field: 'dismissedClaims.1' }],
    ['an empty claim id', file({ dismissedClaims: ['  '] }), { code: 'bad-field', field: 'dismissedClaims.0' }],
    ['a site that is not a host', file({ disabledSites: ['example.com', 'not a host'] }), { code: 'bad-site', site: 'not a host' }],
    ['more entries than the settings keep', file({ dismissedClaims: Array.from({ length: 10_001 }, (_, i) => `c${i}`) }), { code: 'bad-field', field: 'dismissedClaims' }],
    ['an entry longer than any site or claim id', file({ disabledSites: [`${'a'.repeat(300)}.example`] }), { code: 'bad-field', field: 'disabledSites.0' }],
  ];
  for (const [what, text, error] of bad) {
    it(`refuses ${what} and changes nothing`, async () => {
      await seed();
      const before = await fakeBrowser.storage.local.get(null);
      const result = await importSettings(text);
      expect(result).toEqual({ ok: false, error });
      expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    });
  }

  it('refuses a file that is too large before parsing it', () => {
    expect(parseSettingsFile(' '.repeat(MAX_FILE_BYTES + 1))).toEqual({ ok: false, error: { code: 'too-large' } });
  });

  it('accepts a file saved with a byte order mark', () => {
    expect(parseSettingsFile(`\uFEFF${file({})}`).ok).toBe(true);
  });
});
