/**
 * The built extension contains no way to send data out or to run code made
 * from strings (see tests/support/forbidden-calls.ts for the list). Reads the
 * builds in .output/: run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFinding, scanBuild, type Finding } from '../support/forbidden-calls';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness';

interface Allowance {
  rule: string;
  /** must match the code just before the hit (up to 1,000 characters) … */
  before: RegExp;
  /** … and the code from the hit on, so only this one spot passes */
  at: RegExp;
  why: string;
}

/**
 * Only code that cannot run. An entry that no longer matches anything fails
 * the test, so it goes when its reason does.
 */
const ALLOWED: Allowance[] = [
  {
    rule: 'fetch(',
    // (function(){let e=document.createElement(`link`).relList;if(e&&e.supports&&e.supports(`modulepreload`))return; … fetch(e.href,n)
    before: /\.relList;if\(\w+&&\w+\.supports&&\w+\.supports\(`modulepreload`\)\)return;[^]{0,800}$/,
    at: /^fetch\(\w+\.href,\w+\)\}\}\)\(\);/,
    why:
      "Vite's modulepreload polyfill in the popup/options chunk. It returns at once in every browser that supports " +
      '<link rel="modulepreload"> (Chrome 66+, Firefox 115+; we require Chrome 105 and Firefox 140), and it would ' +
      "only fetch the extension's own chunk files. Remove with `build.modulePreload.polyfill: false` in wxt.config.ts.",
  },
];

function allowedBy(f: Finding, source: string): Allowance | undefined {
  const before = source.slice(Math.max(0, f.index - 1000), f.index);
  const at = source.slice(f.index, f.index + 200);
  return ALLOWED.find((a) => a.rule === f.rule && a.before.test(before) && a.at.test(at));
}

describe.each([
  ['Chrome (MV3)', CHROME_BUILD],
  ['Firefox (MV2)', FIREFOX_BUILD],
])('%s build', (_, dir) => {
  it('has no network calls, eval or new Function in any script', () => {
    expect(existsSync(join(dir, 'manifest.json')), `${dir} is missing: run npm run build`).toBe(true);
    const findings = scanBuild(dir);
    const used = new Set<Allowance>();
    const forbidden = findings.filter((f) => {
      const allowance = allowedBy(f, readFileSync(join(dir, f.file), 'utf8'));
      if (allowance) used.add(allowance);
      return !allowance;
    });
    expect(forbidden.map(describeFinding)).toEqual([]);
    const stale = ALLOWED.filter((a) => !used.has(a)).map((a) => `allow-list entry no longer needed: ${a.why}`);
    expect(stale).toEqual([]);
  });
});
