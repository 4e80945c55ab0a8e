/**
 * Vite plugin: validates the dataset and compiles it into the match index at
 * build time (`import index from 'virtual:claims-index'`), and into the boot
 * script's trigger patterns (`import sources from 'virtual:claims-trigger'`).
 * An invalid entry fails the build with the file, entry and field named.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { compileIndex, type MatchIndex } from '../match/compile';
import { triggerSources } from '../match/page-trigger';
import { DATA_DIR, loadClaims } from './load-files';

const ID = 'virtual:claims-index';
const RESOLVED = `\0${ID}`;
const TRIGGER_ID = 'virtual:claims-trigger';
const TRIGGER_RESOLVED = `\0${TRIGGER_ID}`;

export function claimsIndex(): Plugin {
  return {
    name: 'context-lens:claims-index',
    resolveId: (id) => (id === ID ? RESOLVED : id === TRIGGER_ID ? TRIGGER_RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED && id !== TRIGGER_RESOLVED) return;
      for (const name of readdirSync(DATA_DIR)) if (name.endsWith('.json')) this.addWatchFile(join(DATA_DIR, name));
      const index: MatchIndex = compileIndex(loadClaims());
      if (id === TRIGGER_RESOLVED) return `export default ${JSON.stringify(triggerSources(index))};`;
      const json = JSON.stringify(index);
      if (!process.env.VITEST) {
        console.log(`Claims dataset: ${index.claims.length} entries, ${index.rules.length} rules, ${(json.length / 1024).toFixed(1)} KB compiled`);
      }
      // Lookups by page words must not reach Object.prototype ("constructor"): null-prototype maps.
      return [
        `const index = JSON.parse(${JSON.stringify(json)});`,
        'index.exact = Object.assign(Object.create(null), index.exact);',
        'index.prefix = Object.assign(Object.create(null), index.prefix);',
        'index.trigger.words = Object.assign(Object.create(null), index.trigger.words);',
        'index.trigger.pairs = Object.assign(Object.create(null), index.trigger.pairs);',
        'export default index;',
      ].join('\n');
    },
  };
}
