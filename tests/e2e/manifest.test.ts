/**
 * What the built manifests ask of the browser. Any new permission, host
 * permission, content-script match or web-accessible resource fails here:
 * change EXPECTED on purpose, with the README's Permissions section.
 * Reads the builds in .output/: run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness';

interface Grants {
  /** MV2 lists host permissions here too */
  permissions: string[];
  optional_permissions: string[];
  /** MV3 only */
  host_permissions: string[];
  optional_host_permissions: string[];
  /** every `matches` pattern of every content script */
  content_script_matches: string[];
  /** any other content-script key that changes where or how they run (all_frames, match_about_blank, world…) */
  content_script_options: string[];
  web_accessible_resources: unknown[];
  /** lets web pages or other extensions message us; must stay absent */
  externally_connectable: unknown;
  /** absent: the browser's strict default for extension pages */
  content_security_policy: unknown;
}

const EXPECTED: Record<'chrome' | 'firefox', Grants> = {
  chrome: {
    permissions: ['activeTab', 'scripting', 'storage'],
    optional_permissions: [],
    host_permissions: ['<all_urls>'],
    optional_host_permissions: [],
    content_script_matches: ['<all_urls>'],
    content_script_options: ['all_frames', 'match_about_blank'],
    web_accessible_resources: [],
    externally_connectable: undefined,
    content_security_policy: undefined,
  },
  firefox: {
    permissions: ['<all_urls>', 'activeTab', 'scripting', 'storage'],
    optional_permissions: [],
    host_permissions: [],
    optional_host_permissions: [],
    content_script_matches: ['<all_urls>'],
    content_script_options: ['all_frames', 'match_about_blank'],
    web_accessible_resources: [],
    externally_connectable: undefined,
    content_security_policy: undefined,
  },
};

type Manifest = Record<string, any>;

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** content-script keys that say what to load and when, not where */
const ORDINARY_KEYS = new Set(['matches', 'js', 'css', 'run_at']);

const sorted = (list: string[] | undefined) => [...new Set(list ?? [])].sort();

function grants(m: Manifest): Grants {
  return {
    permissions: sorted(m.permissions),
    optional_permissions: sorted(m.optional_permissions),
    host_permissions: sorted(m.host_permissions),
    optional_host_permissions: sorted(m.optional_host_permissions),
    content_script_matches: sorted((m.content_scripts ?? []).flatMap((c: { matches: string[] }) => c.matches)),
    content_script_options: sorted(
      (m.content_scripts ?? []).flatMap((c: object) => Object.keys(c).filter((k) => !ORDINARY_KEYS.has(k))),
    ),
    web_accessible_resources: m.web_accessible_resources ?? [],
    externally_connectable: m.externally_connectable,
    content_security_policy: m.content_security_policy,
  };
}

describe('built manifests', () => {
  it.each([
    ['chrome', CHROME_BUILD],
    ['firefox', FIREFOX_BUILD],
  ] as const)('%s: permissions, host permissions, content scripts, web-accessible resources and CSP are exactly the expected ones', (browser, dir) => {
    expect(grants(readManifest(dir))).toEqual(EXPECTED[browser]);
  });

  it('firefox: declares that it collects no data', () => {
    const gecko = readManifest(FIREFOX_BUILD).browser_specific_settings?.gecko;
    expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
    // Nothing optional either.
    expect(gecko?.data_collection_permissions?.optional ?? []).toEqual([]);
  });
});
