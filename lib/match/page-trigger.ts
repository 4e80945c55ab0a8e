/**
 * The boot script's own first look at a page's text: could any word in it
 * start a claim? Most pages hold none of the dataset's anchor words, and
 * then nothing is sent anywhere: no message to the background, no work for
 * it. The patterns are built with the dataset (lib/claims/vite-plugin.ts), so
 * boot.js carries two short regular-expression sources, not the dataset.
 *
 * It may say yes too often, never too rarely: whenever hasAnchor (the
 * background's first check, which reads glued words by their parts too) finds
 * a word, so does this.
 */
import { anchorKeys, isAsciiKey, trieSource } from './anchor-filter';
import type { MatchIndex } from './compile';
import { CAMEL, foldText, isWordCharAt, OTHER_WORD_CHARS, unglue, WORD_CHARS } from './prefilter';

/** Pattern sources, made at build time. */
export interface TriggerSources {
  /** ASCII keys in either case, at a word start or where a glued word's part starts ("endAusterity") */
  ascii: string;
  /** all keys, lower case, at a word start: for words holding a non-ASCII character, folded */
  folded: string;
}

export interface PageTrigger {
  ascii: RegExp;
  folded: RegExp;
}

/** Past this many anchor words a precise pattern would weigh on every page: keys are then cut, and match loosely. */
const MAX_PRECISE_KEYS = 400;

/** A pattern that never matches: a dataset without keys can find nothing. */
const NEVER = '(?!)';

const alternation = (parts: string[]) => (parts.length ? `(?:${parts.join('|')})` : NEVER);

const WORD = `[${WORD_CHARS}]`;

/** Where scanAnchors (glued) sees a word, or a glued word's part, start. */
const START = `(?:(?<!${WORD})|${CAMEL.source})`;

export function triggerSources(index: MatchIndex): TriggerSources {
  const words = Object.keys(index.trigger.words);
  const stems = Object.keys(index.prefix);
  const pairs = Object.keys(index.trigger.pairs).map((p) => p.split(' '));
  const pairWords = pairs.flat();
  if (new Set([...words, ...stems, ...pairWords]).size > MAX_PRECISE_KEYS) return looseSources(index);
  // Where it sees a word, or a glued word's part, end.
  const end = `(?:(?!${WORD})|(?=[A-Z\u00C0-\u00DE0-9])|(?<=[0-9])(?=[A-Za-z]))`;
  const ascii = (keys: string[]) => keys.filter(isAsciiKey);
  const asciiParts: string[] = [];
  if (ascii(stems).length) asciiParts.push(trieSource(ascii(stems)));
  if (ascii(words).length) asciiParts.push(`${trieSource(ascii(words), { exact: true })}${end}`);
  // A pair counts only as a pair: its first word, anything but a word, its second word.
  for (const [first, second] of pairs) {
    if (isAsciiKey(first) && isAsciiKey(second)) asciiParts.push(`${trieSource([first])}[^${WORD_CHARS}]+${trieSource([second])}(?!${WORD})`);
  }
  // Words holding a non-ASCII character are read one by one: a pair's words count on their own there.
  const foldedParts: string[] = [];
  if (stems.length) foldedParts.push(trieSource(stems, { caseless: false }));
  const whole = [...new Set([...words, ...pairWords])];
  if (whole.length) foldedParts.push(`${trieSource(whole, { caseless: false, exact: true })}(?!${WORD})`);
  return {
    ascii: asciiParts.length ? `${START}${alternation(asciiParts)}` : NEVER,
    folded: foldedParts.length ? `(?<!${WORD})${alternation(foldedParts)}` : NEVER,
  };
}

/** For a large dataset: every key cut to a few characters, as a prefix, pairs by their first word. */
function looseSources(index: MatchIndex): TriggerSources {
  const keys = anchorKeys(index);
  const ascii = keys.filter(isAsciiKey);
  return {
    ascii: ascii.length ? `${START}${trieSource(ascii)}` : NEVER,
    folded: keys.length ? `(?<!${WORD})${trieSource(keys, { caseless: false })}` : NEVER,
  };
}

export const compileTrigger = (sources: TriggerSources): PageTrigger => ({ ascii: new RegExp(sources.ascii), folded: new RegExp(sources.folded) });

const OTHER_WORD_CHAR = new RegExp(`[${OTHER_WORD_CHARS}]`, 'g');

/** Could the text hold a word that starts a claim? Linear: one native pass, then one step per word holding a non-ASCII character. */
export function mayHoldTrigger(trigger: PageTrigger, text: string): boolean {
  if (trigger.ascii.test(text)) return true;
  // Only a word holding a non-ASCII character can fold into an anchor the ASCII pass missed ("Perú", "aus\u00ADterity").
  OTHER_WORD_CHAR.lastIndex = 0;
  for (let m = OTHER_WORD_CHAR.exec(text); m; m = OTHER_WORD_CHAR.exec(text)) {
    let start = m.index;
    let end = m.index + 1;
    while (start > 0 && isWordCharAt(text, start - 1)) start--;
    while (end < text.length && isWordCharAt(text, end)) end++;
    // Whole, and by its glued parts ("EndPerú"), as hasAnchor reads it.
    const word = text.slice(start, end);
    if (trigger.folded.test(foldText(word)) || trigger.folded.test(foldText(unglue(word)))) return true;
    OTHER_WORD_CHAR.lastIndex = end;
  }
  return false;
}
