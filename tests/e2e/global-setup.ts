/** Starts one Chromium and one Firefox with the extension for all end-to-end files (vitest globalSetup). */
import type { TestProject } from 'vitest/node';
import { startSharedBrowsers, type SharedBrowsers } from './drivers';

declare module 'vitest' {
  export interface ProvidedContext {
    browsers: SharedBrowsers;
  }
}

export default async function setup(project: TestProject) {
  const shared = await startSharedBrowsers();
  project.provide('browsers', shared.endpoints);
  return () => shared.close();
}
