/**
 * Vite plugin: validates the dataset and compiles it into the match index at
 * build time (`import index from 'virtual:claims-index'`). An invalid entry
 * fails the build with the file, entry and field named.
 */
import type { Plugin } from 'vite';
import { compileIndex } from '../match/compile';
import { DATA_DIR, loadClaims } from './load-files';

const ID = 'virtual:claims-index';
const RESOLVED = `\0${ID}`;

export function claimsIndex(): Plugin {
  return {
    name: 'context-lens:claims-index',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return;
      this.addWatchFile(DATA_DIR);
      const index = compileIndex(loadClaims());
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
    },
  };
}
