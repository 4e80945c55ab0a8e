/** The shared set-up of a Chromium test file: one server and one browser with the extension, for all its tests. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, startServer, type Chromium, type TestServer } from './harness';

export interface ChromiumEnv {
  chromium: Chromium;
  server: TestServer;
}

export function useChromium(): ChromiumEnv {
  const env = {} as ChromiumEnv;
  beforeAll(async () => {
    env.server = await startServer();
    env.chromium = await launchChromium();
  });
  afterAll(async () => {
    await env.chromium?.close();
    await env.server?.close();
  });
  return env;
}
