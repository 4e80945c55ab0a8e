/**
 * Vite plugin: marks lens.js for eager compilation (V8's explicit compile
 * hints, `//# allFunctionsCalledOnLoad` on its first line). The lens is loaded
 * only to scan at once, so nearly all of its functions run on load: compiled
 * lazily, each would be parsed twice (pre-parse, then on first call) and its
 * first call would land in the scan's first slice. Measured side by side on
 * four pages with a claim: 0-12 % less main-thread CPU in all, and shorter
 * scan slices; lens.js's own evaluation grows by about 10 ms. Other engines
 * read it as a comment.
 */
import type { Plugin } from 'vite';

const HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHints(files: readonly string[]): Plugin {
  return {
    name: 'context-lens:compile-hints',
    apply: 'build',
    // After minification, which would drop the comment.
    generateBundle(_options, bundle) {
      for (const file of files) {
        const chunk = bundle[file];
        if (chunk?.type === 'chunk' && !chunk.code.startsWith(HINT)) chunk.code = HINT + chunk.code;
      }
    },
  };
}
