/**
 * The shared set-up of a browser test file: its cases are written once, as a function of a BrowserEnv, and run
 * in a `describe` per browser, each with one server and one browser with the extension for all its tests.
 */
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { BROWSERS, launchDriver, type BrowserName, type Driver } from './drivers';
import { startServer, type TestServer } from './harness';

export interface BrowserEnv {
  readonly name: BrowserName;
  /** Replaced by `restart()`: read it in each test, not once per file. */
  driver: Driver;
  server: TestServer;
  /** Quits the browser and starts it again with the same profile. */
  restart(): Promise<void>;
}

export interface CaseOptions {
  /** Close every tab and clear the extension's storage after each test. */
  resetAfterEach?: boolean;
}

/** `describe(title in <browser>)` for every browser, each running `cases` against its own browser. */
export function describeInBrowsers(title: string, cases: (env: BrowserEnv) => void, options: CaseOptions = {}) {
  for (const name of BROWSERS) {
    describe(`${title} in ${name}`, () => {
      const env = { name } as BrowserEnv;
      env.restart = async () => {
        env.driver = await env.driver.restart();
      };
      beforeAll(async () => {
        env.server = await startServer();
        env.driver = await launchDriver(name);
      });
      afterAll(async () => {
        await env.driver?.close();
        await env.server?.close();
      });
      if (options.resetAfterEach) afterEach(() => env.driver.reset());
      cases(env);
    });
  }
}
