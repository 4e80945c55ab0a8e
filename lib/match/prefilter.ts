/**
 * The cheap first look at raw text: which words in it could start a claim?
 * No offset map and no tokens, just one regular-expression pass and a map
 * lookup per distinct word, so a page without claims costs almost nothing.
 */
import type { MatchIndex } from './compile';

// Letters, digits and the soft hyphen that may sit inside a word.
const WORD = /[\p{L}\p{N}\u00AD]+/gu;
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

/**
 * Distinct words of `text` that could start a claim (an anchor word, the
 * second word of an anchor pair, or a word with an anchor stem), lower-cased
 * but spelled as in the text (accents, soft hyphens kept), so a caller can
 * look for them in raw page text with a plain lower-case search.
 */
export function anchorWords(index: MatchIndex, text: string): string[] {
  const { words, pairs } = index.trigger;
  const found = new Set<string>();
  const folds = new Map<string, string>();
  let previous = '';
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0].toLowerCase();
    let folded = folds.get(word);
    if (folded === undefined) {
      folded = foldText(word);
      folds.set(word, folded);
      if (Object.hasOwn(words, folded) || hasStem(index, folded)) found.add(word);
    }
    if (Object.hasOwn(pairs, `${previous} ${folded}`)) found.add(word);
    previous = folded;
  }
  return [...found];
}
