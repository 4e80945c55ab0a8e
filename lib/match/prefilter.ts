/**
 * The cheap first look at raw text: which words in it could start a claim?
 * No offset map and no tokens, just one regular-expression pass and a map
 * lookup per distinct word, so a page without claims costs almost nothing.
 */
import type { MatchIndex } from './compile';

// Letters, digits and the soft hyphen that may sit inside a word. A plain
// character class (not \p{L}) runs several times faster in V8; it leaves out
// the General Punctuation block (spaces, dashes, quotes) so "Norway’s" splits.
/** The word characters outside ASCII (regular-expression class body). */
export const OTHER_WORD_CHARS = '\\u00AD\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF\\u2070-\\uFFEF';
/** All word characters (regular-expression class body). */
export const WORD_CHARS = `0-9A-Za-z${OTHER_WORD_CHARS}`;
const WORD = new RegExp(`[${WORD_CHARS}]+`, 'g');
const WORD_CHAR = new RegExp(`^[${WORD_CHARS}]$`);
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /[\u00AD\u200B-\u200D\u2060\uFEFF\p{M}]/gu;

/** Text as the normaliser sees its letters: lower case, no accents, no soft hyphens or zero-width characters. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

function hasStem(index: MatchIndex, folded: string): boolean {
  for (const len of index.stemLengths) {
    if (len > folded.length) break;
    if (Object.hasOwn(index.prefix, folded.slice(0, len))) return true;
  }
  return false;
}

const isAnchor = (index: MatchIndex, folded: string) => Object.hasOwn(index.trigger.words, folded) || hasStem(index, folded);

/** Where a sliced prefilter pass stands: the previous word (for pairs), the anchors seen so far and how often. */
export interface PrefilterState {
  previous: string;
  /** anchor words found, spelled as in the text */
  found: Set<string>;
  /** anchor occurrences so far: a caller scanning node by node sees which nodes added one */
  hits: number;
  folds: Map<string, string>;
  /** words that are anchors on their own (not a pair's second word, which is one only after its first) */
  anchors: Set<string>;
}

export const prefilterState = (): PrefilterState => ({ previous: '', found: new Set(), hits: 0, folds: new Map(), anchors: new Set() });

/** Glued words ("2020Bolivia", "Route AAusterity", where textContent joined two blocks) also count by their parts. */
export const CAMEL = /(?<=[a-z\u00DF-\u00FF])(?=[A-Z\u00C0-\u00DE])|(?<=[A-Z\u00C0-\u00DE])(?=[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF])|(?<=[0-9])(?=[A-Za-z])|(?<=[A-Za-z])(?=[0-9])/;

const CAMEL_ALL = new RegExp(CAMEL.source, 'g');

/** The text with a space wherever CAMEL sees two words glued together. */
export function unglue(text: string): string {
  return text.replace(CAMEL_ALL, ' ');
}

/**
 * Adds to `state` the words of text[from, to) that could start a claim (an
 * anchor word, the second word of an anchor pair, or a word with an anchor
 * stem), spelled exactly as in the text. Returns where it stopped: at `to`,
 * or later if a word runs across it. With `glued`, a word that mixes case or
 * digits is also tried by its parts (for text whose block boundaries are lost).
 */
export function scanAnchors(index: MatchIndex, text: string, state: PrefilterState, from = 0, to = text.length, glued = false): number {
  const { pairs } = index.trigger;
  WORD.lastIndex = from;
  let end = from;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (m.index >= to) break;
    const word = m[0];
    end = m.index + word.length;
    let folded = state.folds.get(word);
    if (folded === undefined) {
      folded = foldText(word);
      state.folds.set(word, folded);
      if (isAnchor(index, folded) || (glued && CAMEL.test(word) && word.split(CAMEL).some((part) => isAnchor(index, foldText(part))))) {
        state.anchors.add(word);
      }
    }
    if (state.anchors.has(word) || Object.hasOwn(pairs, `${state.previous} ${folded}`)) {
      state.found.add(word);
      state.hits++;
    }
    state.previous = folded;
  }
  return Math.max(end, to);
}

/** The anchor words of a whole text, spelled as in it. */
export function anchorWords(index: MatchIndex, text: string, glued = false): string[] {
  const state = prefilterState();
  scanAnchors(index, text, state, 0, text.length, glued);
  return [...state.found];
}

/** Does the text hold any word that could start a claim? For text whose blocks were joined (textContent). */
export function hasAnchor(index: MatchIndex, text: string): boolean {
  return anchorWords(index, text, true).length > 0;
}

/** Is text[i] a word character? ASCII by its code (called for every text node of a page), the rest by the class. */
export function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(text[i]);
}

/** The last `max` characters of a word that `text` ends in ('' if it ends in a space or punctuation). */
export function trailingWord(text: string, max = 64): string {
  // A backwards loop, not /…+$/: that regex tries every start and is quadratic on a long run of letters.
  let start = text.length;
  while (start > 0 && text.length - start < max && isWordCharAt(text, start - 1)) start--;
  return start === text.length ? '' : text.slice(start);
}

/** The first `max` characters of a word that `text` starts with ('' if it starts with a space or punctuation). */
export function leadingWord(text: string, max = 64): string {
  let end = 0;
  while (end < text.length && end < max && isWordCharAt(text, end)) end++;
  return text.slice(0, end);
}
