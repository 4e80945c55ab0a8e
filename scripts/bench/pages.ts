/**
 * The pages the benchmark loads, all made at run time: the largest pages of
 * the shared Readability corpus (read in place, never copied into the repo),
 * an 8x copy of the largest one, variants with one claim sentence appended,
 * the mark.js phrase list and the infinite-scroll items.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadClaims } from '../../lib/claims/load-files';
import type { Claim } from '../../lib/claims/schema';
import { compileIndex, type MatchIndex } from '../../lib/match/compile';
import { matchText } from '../../lib/match/matcher';

export const SHARED = process.env.CONTEXT_LENS_SHARED ?? '/work/shared';
export const CORPUS = join(SHARED, 'corpus/readability');

/** The claim sentence appended to the "+claim" variants (checked against lib/match before use). */
export const CLAIM_SENTENCE = 'Austerity killed 130,000 people, one study suggested.';

export function requireCorpus(): void {
  if (!existsSync(CORPUS) || !statSync(CORPUS).isDirectory()) {
    throw new Error(
      `The benchmark reads real pages from ${CORPUS} (the shared Readability test corpus), which does not exist here.\n` +
        `Provide /work/shared (or set CONTEXT_LENS_SHARED to a directory holding corpus/readability/*.html) and run again.`,
    );
  }
}

/** Visible-ish text of an HTML file: scripts, styles and tags stripped, entities as one character, spaces collapsed. */
export function textSize(html: string): number {
  return html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&[#\w]+;/g, ' ')
    .replace(/\s+/g, ' ').length;
}

export interface CorpusPage {
  name: string;
  file: string;
  html: string;
  textChars: number;
}

export function largestCorpusPages(n: number): CorpusPage[] {
  requireCorpus();
  const pages = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const html = readFileSync(join(CORPUS, f), 'utf8');
      return { name: f.replace(/\.html$/, ''), file: f, html, textChars: textSize(html) };
    });
  pages.sort((a, b) => b.textChars - a.textChars || a.name.localeCompare(b.name));
  if (pages.length < n) throw new Error(`${CORPUS} holds ${pages.length} pages; the benchmark needs ${n}`);
  return pages.slice(0, n);
}

const BODY = /(<body\b[^>]*>)([\s\S]*)(<\/body\s*>)/i;

/** The page with its body content repeated `times` times. */
export function repeatBody(html: string, times: number): string {
  const m = BODY.exec(html);
  if (!m) throw new Error('page has no <body>');
  return html.slice(0, m.index) + m[1] + m[2].repeat(times) + m[3] + html.slice(m.index + m[0].length);
}

/** The page with one paragraph appended at the end of its body. */
export function appendParagraph(html: string, sentence: string): string {
  const p = `<p id="context-lens-bench-claim">${sentence}</p>`;
  const close = html.search(/<\/body\s*>/i);
  return close < 0 ? html + p : html.slice(0, close) + p + html.slice(close);
}

export interface Dataset {
  claims: Claim[];
  index: MatchIndex;
}

/** The claims the built extension ships (reviewed ones), compiled as the build does. */
export function loadDataset(): Dataset {
  const claims = loadClaims();
  return { claims, index: compileIndex(claims) };
}

export function countMatches(dataset: Dataset, text: string): number {
  return matchText(dataset.index, text).length;
}

/** 125000 -> "130,000": two significant figures, written the way an article would. */
function plainNumber(min: number, max: number): string {
  const mid = (min + max) / 2;
  if (mid === 0) return '0';
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(mid))) - 1);
  return (Math.round(mid / scale) * scale).toLocaleString('en-US');
}

/**
 * mark.js phrases: for each claim, the first alternative of each group of
 * each rule, as plain text ("kill*" -> "kill", "{100000..150000}" -> "130,000").
 */
export function anchorPhrases(claims: Claim[]): string[] {
  const phrases = new Set<string>();
  for (const claim of claims) {
    for (const rule of claim.match.rules) {
      for (const group of rule.all) {
        const phrase = group[0]
          .trim()
          .split(/\s+/)
          .map((w) => {
            const range = /^\{(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)\}$/.exec(w);
            return range ? plainNumber(Number(range[1]), Number(range[2])) : w.replace(/\*$/, '');
          })
          .join(' ');
        phrases.add(phrase);
      }
    }
  }
  return [...phrases];
}

// --- Infinite scroll ---------------------------------------------------------

const SUBJECTS = ['The council', 'A spokesperson', 'Local residents', 'The committee', 'Researchers', 'The minister', 'Shop owners', 'The report', 'Volunteers', 'The museum'];
const VERBS = ['discussed', 'announced', 'reviewed', 'questioned', 'welcomed', 'postponed', 'described', 'supported', 'examined', 'criticised'];
const OBJECTS = [
  'plans for a new cycle lane along the river',
  'the timetable for the autumn exhibition',
  'a proposal to extend library opening hours',
  'the results of the annual bird count',
  'changes to parking rules near the station',
  'the restoration of the old market hall',
  'a summer programme for school children',
  'the budget for repairs to the harbour wall',
  'a survey of footpaths in the national park',
  'new recycling collections for flats',
];
const TAILS = [
  'Further details are expected next month.',
  'A public meeting will be held on Thursday evening.',
  'The decision follows several months of consultation.',
  'Photographs from the event are available online.',
  'Comments can be sent by post or email until Friday.',
  'Organisers thanked everyone who took part.',
];

/** Deterministic filler (a tiny LCG), so every run appends the same text. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface FeedItems {
  items: string[];
  /** highlights the extension should show once every item is in (lib/match on each item) */
  expected: number;
  claimItems: number;
}

/**
 * `count` paragraphs of plausible local-news text; every `every`-th one carries
 * a claim sentence taken from the dataset's own must-match examples.
 */
export function feedItems(dataset: Dataset, count = 1000, every = 50): FeedItems {
  const next = rng(20261127);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const examples = dataset.claims.flatMap((c) => c.examples.match.filter((s) => countMatches(dataset, s) === 1));
  if (examples.length === 0) throw new Error('no single-match example sentence in the dataset');
  const items: string[] = [];
  let expected = 0;
  let claimItems = 0;
  for (let i = 0; i < count; i++) {
    let text = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} on ${1 + Math.floor(next() * 28)} ${pick(['March', 'April', 'May', 'June'])}. ${pick(TAILS)}`;
    if (i % every === every - 1) {
      text += ` ${examples[claimItems % examples.length]}`;
      claimItems++;
    }
    items.push(text);
    expected += countMatches(dataset, text);
  }
  return { items, expected, claimItems };
}
