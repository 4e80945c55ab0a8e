/**
 * The shared set-up of a browser test file: its cases are written once, as a function of a BrowserEnv, and run
 * in a `describe` per browser. Each connects to that browser (started once for all files by global-setup.ts),
 * with one server for the file's tests.
 */
import { afterAll, afterEach, beforeAll, describe, inject } from 'vitest';
import { BROWSERS, connectDriver, type BrowserName, type Driver } from './drivers';
import { startServer, type TestServer } from './harness';

export interface BrowserEnv {
  readonly name: BrowserName;
  driver: Driver;
  server: TestServer;
}

export interface CaseOptions {
  /** Close every tab and clear the extension's storage after each test. */
  resetAfterEach?: boolean;
}

/** `describe(title in <browser>)` for every browser, each running `cases` against that browser. */
export function describeInBrowsers(title: string, cases: (env: BrowserEnv) => void, options: CaseOptions = {}) {
  for (const name of BROWSERS) {
    describe(`${title} in ${name}`, () => {
      const env = { name } as BrowserEnv;
      beforeAll(async () => {
        env.server = await startServer();
        env.driver = await connectDriver(name, inject('browsers'));
      });
      afterAll(async () => {
        // The next file finds the browser as it found it: one blank tab, empty storage.
        await env.driver?.reset();
        await env.driver?.close();
        await env.server?.close();
      });
      if (options.resetAfterEach) afterEach(() => env.driver.reset());
      cases(env);
    });
  }
}
