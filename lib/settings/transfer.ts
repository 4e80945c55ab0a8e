/**
 * Export and import of the settings as a JSON file. An import is validated in
 * full (zod) before anything is written, and then written in one storage call:
 * a bad file changes nothing.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { parseSite } from './host';
import { getSettings, type Settings } from './index';
import { MAX_ENTRY_LENGTH, MAX_LIST_ENTRIES, SITES_VERSION, uniqueSorted } from './sites';

export const FILE_FORMAT = 'context-lens-settings';
/** Version of the file layout (not of the extension). */
export const FILE_VERSION = 1;
/** Larger files are refused before they are parsed. */
export const MAX_FILE_BYTES = 1_000_000;

export interface SettingsFile {
  format: typeof FILE_FORMAT;
  version: number;
  /** ISO date and time */
  exportedAt: string;
  disabledSites: string[];
  paused: boolean;
  dismissedClaims: string[];
}

const Header = z.object({ format: z.literal(FILE_FORMAT), version: z.number().check(z.int(), z.minimum(1)) });

// The same limits as the reader of stored lists: a file is refused rather than cut.
const List = (entry: z.ZodMiniString) => z.array(entry.check(z.maxLength(MAX_ENTRY_LENGTH))).check(z.maxLength(MAX_LIST_ENTRIES));

const Body = z.object({
  exportedAt: z.optional(z.string()),
  disabledSites: List(z.string()),
  paused: z.boolean(),
  dismissedClaims: List(z.string().check(z.trim(), z.minLength(1))),
});

export type ImportError =
  | { code: 'too-large' }
  | { code: 'not-json' }
  | { code: 'not-settings' }
  | { code: 'newer-version'; version: number }
  | { code: 'bad-field'; field: string }
  | { code: 'bad-site'; site: string };

export type ParseResult = { ok: true; settings: Settings } | { ok: false; error: ImportError };

export function toFile(settings: Settings, now = new Date()): SettingsFile {
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    disabledSites: settings.disabledSites,
    paused: settings.paused,
    dismissedClaims: settings.dismissed,
  };
}

/** The current settings as the text of a settings file. */
export async function exportSettings(now = new Date()): Promise<string> {
  return `${JSON.stringify(toFile(await getSettings(), now), null, 2)}\n`;
}

export function exportFileName(now = new Date()): string {
  return `context-lens-settings-${now.toISOString().slice(0, 10)}.json`;
}

/** Validates the text of a settings file; writes nothing. */
export function parseSettingsFile(text: string): ParseResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: { code: 'too-large' } };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  const header = Header.safeParse(json);
  if (!header.success) return { ok: false, error: { code: 'not-settings' } };
  if (header.data.version > FILE_VERSION) return { ok: false, error: { code: 'newer-version', version: header.data.version } };
  const body = Body.safeParse(json);
  if (!body.success) {
    const issue = body.error.issues[0];
    return { ok: false, error: { code: 'bad-field', field: issue.path.map(String).join('.') || '(file)' } };
  }
  const sites: string[] = [];
  for (const entry of body.data.disabledSites) {
    const site = parseSite(entry);
    if (!site) return { ok: false, error: { code: 'bad-site', site: entry.slice(0, 100) } };
    sites.push(site);
  }
  return {
    ok: true,
    settings: {
      disabledSites: uniqueSorted(sites),
      paused: body.data.paused,
      dismissed: [...new Set(body.data.dismissedClaims)].sort(),
    },
  };
}

/** Replaces every setting at once (one storage write, versions included). */
export async function applySettings(settings: Settings): Promise<void> {
  await storage.setItems([
    { key: 'local:disabledSites', value: settings.disabledSites },
    { key: 'local:disabledSites$', value: { v: SITES_VERSION } },
    { key: 'local:paused', value: settings.paused },
    { key: 'local:paused$', value: { v: 1 } },
    { key: 'local:dismissedClaims', value: settings.dismissed },
    { key: 'local:dismissedClaims$', value: { v: 1 } },
  ]);
}

/** Validates and, only when the whole file is good, replaces the settings with it. */
export async function importSettings(text: string): Promise<ParseResult> {
  const result = parseSettingsFile(text);
  if (result.ok) await applySettings(result.settings);
  return result;
}
