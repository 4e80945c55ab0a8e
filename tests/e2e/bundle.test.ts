/**
 * The built extension contains no way to send data out or to run code made
 * from strings (see tests/support/forbidden-calls.ts for the list). Reads the
 * builds in .output/: run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFinding, scanBuild } from '../support/forbidden-calls';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness';

describe.each([
  ['Chrome (MV3)', CHROME_BUILD],
  ['Firefox (MV2)', FIREFOX_BUILD],
])('%s build', (_, dir) => {
  it('has no network calls, eval or new Function in any script', () => {
    expect(existsSync(join(dir, 'manifest.json')), `${dir} is missing: run npm run build`).toBe(true);
    expect(scanBuild(dir).map(describeFinding)).toEqual([]);
  });
});
