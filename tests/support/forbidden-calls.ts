/**
 * Finds calls in built JavaScript that could send data out of the browser or
 * run code made from strings. A text search, not a parser: it errs towards
 * flagging (a hit inside a string literal counts too), and every hit names the
 * file and shows the code around it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface Rule {
  name: string;
  pattern: RegExp;
}

// `(?<![\w$])` keeps look-alikes out: prefetch(, refetch(, .evaluate(, isFunction(.
const NOT_AFTER_IDENT = String.raw`(?<![\w$])`;
const NOT_BEFORE_IDENT = String.raw`(?![\w$])`;
const word = (w: string) => new RegExp(`${NOT_AFTER_IDENT}${w}${NOT_BEFORE_IDENT}`, 'g');

export const RULES: readonly Rule[] = [
  { name: 'fetch(', pattern: new RegExp(String.raw`${NOT_AFTER_IDENT}fetch(?:Later)?\s*\(`, 'g') },
  { name: 'XMLHttpRequest', pattern: word('XMLHttpRequest') },
  { name: 'WebSocket', pattern: word('WebSocket') },
  { name: 'sendBeacon', pattern: word('sendBeacon') },
  { name: 'EventSource', pattern: word('EventSource') },
  { name: 'importScripts', pattern: word('importScripts') },
  // Other ways out that the list above would miss.
  { name: 'WebTransport', pattern: word('WebTransport') },
  { name: 'RTCPeerConnection', pattern: word('RTCPeerConnection') },
  // eval( and the indirect form (0, eval)(…)
  { name: 'eval(', pattern: new RegExp(String.raw`${NOT_AFTER_IDENT}eval\s*[()]`, 'g') },
  // new Function(…), new Function, and Function(…) without new (zod's probe was one)
  {
    name: 'new Function',
    pattern: new RegExp(String.raw`${NOT_AFTER_IDENT}new\s+Function${NOT_BEFORE_IDENT}|${NOT_AFTER_IDENT}Function\s*\(`, 'g'),
  },
];

export interface Finding {
  file: string;
  rule: string;
  line: number;
  /** offset of the hit in the file */
  index: number;
  /** the hit itself */
  match: string;
  /** the code around the hit, on one line */
  snippet: string;
}

const AROUND = 60;

export function findForbidden(source: string, file = '<source>'): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const m of source.matchAll(rule.pattern)) {
      const index = m.index;
      findings.push({
        file,
        rule: rule.name,
        line: source.slice(0, index).split('\n').length,
        index,
        match: m[0],
        snippet: source.slice(Math.max(0, index - AROUND), index + m[0].length + AROUND).replace(/\s+/g, ' '),
      });
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}

const SCRIPT_FILES = new Set(['.js', '.mjs', '.cjs', '.html']);

/** Every script and page file under dir (relative paths), in a stable order. */
export function scriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => SCRIPT_FILES.has(extname(f)))
    .sort();
}

/** Findings in every script and page file of a build directory; `file` is relative to dir. */
export function scanBuild(dir: string): Finding[] {
  return scriptFiles(dir).flatMap((f) => findForbidden(readFileSync(join(dir, f), 'utf8'), f));
}

export function describeFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.rule} in …${f.snippet}…`;
}
