/**
 * The cheap first look at raw text: which words in it could start a claim?
 * No offset map and no tokens, just one regular-expression pass and a map
 * lookup per distinct word, so a page without claims costs almost nothing.
 */
import type { MatchIndex } from './compile';

// Letters, digits and the soft hyphen that may sit inside a word. A plain
// character class (not \p{L}) runs several times faster in V8; it leaves out
// the General Punctuation block (spaces, dashes, quotes) so "Norway’s" splits.
const WORD = /[0-9A-Za-z\u00AD\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2070-\uFFEF]+/g;
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

/** Where a sliced prefilter pass stands: the previous word (for pairs) and the words found so far. */
export interface PrefilterState {
  previous: string;
  found: Set<string>;
  folds: Map<string, string>;
}

export const prefilterState = (): PrefilterState => ({ previous: '', found: new Set(), folds: new Map() });

/**
 * Adds to `state.found` the words of text[from, to) that could start a claim
 * (an anchor word, the second word of an anchor pair, or a word with an
 * anchor stem), spelled exactly as in the text, so a caller can look for them
 * in raw page text with a plain search. Returns where it stopped: at `to`, or
 * later if a word runs across it.
 */
export function scanAnchors(index: MatchIndex, text: string, state: PrefilterState, from = 0, to = text.length): number {
  const { words, pairs } = index.trigger;
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
      if (Object.hasOwn(words, folded) || hasStem(index, folded)) state.found.add(word);
    }
    if (Object.hasOwn(pairs, `${state.previous} ${folded}`)) state.found.add(word);
    state.previous = folded;
  }
  return Math.max(end, to);
}

/** The anchor words of a whole text, spelled as in it. */
export function anchorWords(index: MatchIndex, text: string): string[] {
  const state = prefilterState();
  scanAnchors(index, text, state);
  return [...state.found];
}
