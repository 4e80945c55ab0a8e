/**
 * A native pre-test in front of scanAnchors: one regular-expression test per
 * text node instead of a JavaScript step per word, so the many nodes of a
 * page without claims cost almost nothing. It may say yes too often, never
 * too rarely: whenever it says no, scanAnchors over that text would add no hit.
 */
import type { MatchIndex } from './compile';
import { OTHER_WORD_CHARS, WORD_CHARS, type PrefilterState } from './prefilter';

/**
 * Keys are cut to this length: a word that starts with a key's cut still
 * passes, and a large dataset shares more prefixes, so its pattern stays
 * smaller (V8 stops optimising patterns of some 20 KB of source).
 */
const KEY_CHARS = 6;

export interface AnchorFilter {
  pattern: RegExp;
  /** first words of the anchor pairs: a text starting right after one must be read */
  pairFirst: ReadonlySet<string>;
}

/**
 * One key character, either case. Not the `i` flag: with it V8 works out the
 * case variants of every character in the pattern's large Unicode classes,
 * milliseconds of compiling on each page the lens starts on.
 */
const eitherCase = (ch: string): string => (ch >= 'a' && ch <= 'z' ? `[${ch}${ch.toUpperCase()}]` : ch);

/**
 * Keys are folded words: word characters only, none of them special in a pattern (ASCII punctuation never is one).
 * Alternation of `keys` as a trie ("a(?:rce|usterity)"), which V8 matches a character at a time instead of key
 * by key; with `caseless`, each ASCII letter in either case. By default a key that ends covers every longer key
 * sharing its start (a prefix test); with `exact`, the longer keys stay alternatives, for a pattern that checks
 * where the word ends after the trie.
 */
export function trieSource(keys: readonly string[], { caseless = true, exact = false } = {}): string {
  const heads = new Map<string, string[]>();
  for (const key of keys) {
    const rest = heads.get(key[0]) ?? [];
    rest.push(key.slice(1));
    heads.set(key[0], rest);
  }
  const alternatives = [...heads].map(([head, rests]) => {
    const char = caseless ? eitherCase(head) : head;
    const longer = rests.filter(Boolean);
    if (longer.length === 0) return char;
    if (rests.includes('') && !exact) return char;
    const tail = trieSource(longer, { caseless, exact });
    if (!rests.includes('')) return char + tail;
    return `${char}(?:${tail})?`;
  });
  return alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
}

/**
 * What a word that scanAnchors counts must start with, folded: an anchor word, an anchor stem or a pair's first
 * word, cut to KEY_CHARS, sorted and unique.
 */
export function anchorKeys(index: Pick<MatchIndex, 'trigger' | 'prefix'>): string[] {
  const keys = [...Object.keys(index.trigger.words), ...Object.keys(index.prefix), ...pairFirstWords(index)].map((k) => [...k].slice(0, KEY_CHARS).join(''));
  return [...new Set(keys)].sort();
}

/** The first words of the index's anchor pairs ("budget" of "budget cuts"). */
const pairFirstWords = (index: Pick<MatchIndex, 'trigger'>): string[] => Object.keys(index.trigger.pairs).map((p) => p.split(' ')[0]);

/** Keys are folded: one with a non-ASCII letter can only come from a word holding one. */
export const isAsciiKey = (key: string): boolean => /^[0-9a-z]+$/.test(key);

/**
 * The filter's pattern source: made once with the index (compileIndex; for the extension at build time), so a
 * page pays only for compiling the pattern, not for working it out.
 */
export function anchorPatternSource(index: Pick<MatchIndex, 'trigger' | 'prefix'>): string {
  // A key with a non-ASCII letter can only come from a word holding one, which passes anyway.
  const unique = anchorKeys(index).filter(isAsciiKey);
  // An ASCII word folds to its lower case, so the key in either case at a word start finds it; any
  // other word character might fold into an anchor ("Perú", "Ｂｂｃ", a soft hyphen), so it passes.
  const words = unique.length ? `(?<![${WORD_CHARS}])${trieSource(unique)}|` : '';
  return `${words}[${OTHER_WORD_CHARS}]`;
}

function buildFilter(index: MatchIndex): AnchorFilter {
  return { pattern: new RegExp(index.anchorPattern), pairFirst: new Set(pairFirstWords(index)) };
}

const filters = new WeakMap<MatchIndex, AnchorFilter>();

/** The index's filter, built once per index. */
export function anchorFilter(index: MatchIndex): AnchorFilter {
  let filter = filters.get(index);
  if (!filter) {
    filter = buildFilter(index);
    filters.set(index, filter);
  }
  return filter;
}

/** Could scanAnchors over `text`, continuing from `state`, add a hit? */
export function mayHoldAnchor(filter: AnchorFilter, text: string, state: PrefilterState): boolean {
  return filter.pairFirst.has(state.previous) || filter.pattern.test(text);
}
