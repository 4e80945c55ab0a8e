/** The shared set-up of a browser test file: one server and one browser with the extension, for all its tests. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, launchFirefox, startServer, type Chromium, type Firefox, type TestServer } from './harness';

export interface ChromiumEnv {
  chromium: Chromium;
  server: TestServer;
}

export interface FirefoxEnv {
  firefox: Firefox;
  server: TestServer;
}

/** Starts the server and the browser before the file's tests, and closes both after them. */
function lifecycle<T extends { server: TestServer }>(env: T, launch: () => Promise<{ close(): Promise<void> }>): T {
  let browser: { close(): Promise<void> } | undefined;
  beforeAll(async () => {
    env.server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await env.server?.close();
  });
  return env;
}

export function useChromium(): ChromiumEnv {
  const env = {} as ChromiumEnv;
  return lifecycle(env, async () => (env.chromium = await launchChromium()));
}

export function useFirefox(): FirefoxEnv {
  const env = {} as FirefoxEnv;
  return lifecycle(env, async () => (env.firefox = await launchFirefox()));
}
