/**
 * Scans saved HTML pages with the extension's own engine and prints what it
 * would highlight:
 *
 *   npm run scan -- <file.html|dir> ... [--unreviewed]
 *
 * One JSON line per match on stdout:
 *   {"file","block","claim","text","start","end"}
 * `block` is the index of the text block in the page (lib/dom/blocks.ts),
 * `start`/`end` are offsets into that block's text and `text` is the matched
 * span. A summary line (files, blocks, matches, ms) goes to stderr. Exit
 * code 0, or 1 if a path could not be read, 2 for a usage error.
 * HTML is parsed with happy-dom into an inert <template>, so no script runs
 * and nothing (stylesheets, preloads, images) is fetched. `--unreviewed` also
 * loads entries marked "unreviewed".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { loadClaims } from '../lib/claims/load-files';
import { collectBlocks } from '../lib/dom/blocks';
import { compileIndex } from '../lib/match/compile';
import { matchTokens } from '../lib/match/matcher';
import { tokenize } from '../lib/match/tokenize';

const HTML = /\.x?html?$/i;

/** The HTML files named on the command line (each once); directories are read recursively, in name order. */
function htmlFiles(paths: string[], problems: string[]): string[] {
  const files = new Set<string>();
  const walk = (path: string, named: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch (e) {
      problems.push(`${path}: ${(e as Error).message}`);
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name), false);
    } else if (named || HTML.test(path)) {
      files.add(resolve(path));
    }
  };
  for (const path of paths) walk(path, true);
  return [...files];
}

/** A path as printed: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

async function main(argv: string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const paths = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--unreviewed');
  if (paths.length === 0 || unknown.length) {
    if (unknown.length) console.error(`scan: unknown option ${unknown.join(' ')}`);
    console.error('usage: npm run scan -- <file.html|dir> ... [--unreviewed]');
    return 2;
  }
  const t0 = performance.now();
  const index = compileIndex(loadClaims(undefined, flags.includes('--unreviewed')));
  const window = new Window({
    settings: {
      disableJavaScriptFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  // A template's content is inert: parsing it loads and runs nothing.
  const parse = (html: string) => {
    const template = window.document.createElement('template');
    template.innerHTML = html;
    return template.content as unknown as Node;
  };
  let files = 0;
  let blocks = 0;
  let matches = 0;
  const problems: string[] = [];
  try {
    for (const path of htmlFiles(paths, problems)) {
      let html: string;
      try {
        html = readFileSync(path, 'utf8');
      } catch (e) {
        problems.push(`${shown(path)}: ${(e as Error).message}`);
        continue;
      }
      const file = shown(path);
      const found = collectBlocks(parse(html));
      found.forEach((block, b) => {
        for (const m of matchTokens(index, tokenize(block.text))) {
          const line = { file, block: b, claim: index.claims[m.claim].id, text: block.text.slice(m.start, m.end), start: m.start, end: m.end };
          process.stdout.write(`${JSON.stringify(line)}\n`);
          matches++;
        }
      });
      files++;
      blocks += found.length;
    }
  } finally {
    await window.happyDOM.close();
  }
  const ms = Math.round(performance.now() - t0);
  for (const problem of problems) console.error(`scan: ${problem}`);
  console.error(`scan: ${files} files, ${blocks} blocks, ${matches} matches, ${ms} ms${problems.length ? `, ${problems.length} unreadable` : ''}`);
  return problems.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
