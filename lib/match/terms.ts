/**
 * The term language of match rules. A term is words separated by spaces that
 * must appear as consecutive tokens:
 *   austerity        a word (compared after normalisation: case, accents, quotes)
 *   kill*            a prefix (stem of at least 3 characters): killed, killing
 *   {100000..150000} a number within the inclusive range: 130,000 / 130k / 120 000
 * Words are read by the page tokenizer, so "Norway's" is two words, "per cent"
 * is "percent" and "one hundred" is the number 100, exactly as on a page.
 * No regular expressions: every term is checked token by token, so matching
 * stays linear in the text whatever a dataset author writes.
 */
import { scaleWord } from './numbers';
import { tokenize } from './tokenize';

export type TermWord =
  | { kind: 'word'; word: string }
  | { kind: 'prefix'; stem: string }
  | { kind: 'number'; min: number; max: number };

export type Term = TermWord[];

const NUMBER_RANGE = /^\{(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)\}$/;
export const MIN_STEM = 3;

/** Parses one term; throws an Error whose message says what is wrong. */
export function parseTerm(source: string): Term {
  const parts = source.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new Error('empty term');
  // Authors used to regular expressions: say so rather than silently read "(a+)+" as the word "a".
  if (/[()[\]|+?^$\\]/.test(source)) throw new Error('terms are words, not regular expressions: remove ( ) [ ] | + ? ^ $ \\');
  const words: TermWord[] = [];
  // Consecutive plain words are read together, the way page text is, so
  // "per cent", "one hundred" or "130 000" give the same tokens as on a page.
  let run: string[] = [];
  const flush = (prefix: boolean, part: string) => {
    if (run.length === 0) return;
    const tokens = normalizeWords(run.join(' '));
    run = [];
    tokens.forEach((word, i) => {
      if (prefix && i === tokens.length - 1) {
        if (word.length < MIN_STEM) throw new Error(`prefix "${part}" is shorter than ${MIN_STEM} characters`);
        words.push({ kind: 'prefix', stem: word });
      } else {
        words.push({ kind: 'word', word });
      }
    });
  };
  for (const part of parts) {
    const range = NUMBER_RANGE.exec(part);
    if (range) {
      flush(false, part);
      const min = Number(range[1]);
      const max = Number(range[2]);
      if (min > max) throw new Error(`number range ${part} has min > max`);
      words.push({ kind: 'number', min, max });
      continue;
    }
    const prefix = part.endsWith('*');
    const body = prefix ? part.slice(0, -1) : part;
    if (normalizeWords(body).length === 0) throw new Error(`"${part}" has no letters or digits`);
    if (/[*{}]/.test(body)) throw new Error(`"${part}": "*" only at the end of a word, "{a..b}" only as a whole word`);
    if (words.length && words[words.length - 1].kind === 'number' && run.length === 0 && scaleWord(normalizeWords(body)[0]) !== undefined) {
      // "130 thousand" is one number token on a page: a range then a scale word never matches.
      throw new Error(`"${source}": write the whole number as the range ("{100000..150000}", not "{100..150} thousand")`);
    }
    run.push(body);
    if (prefix) flush(true, part);
  }
  flush(false, '');
  if (!words.some((w) => w.kind !== 'number') && words.length > 1) {
    throw new Error(`"${source}" has several numbers and no word`);
  }
  return words;
}

function normalizeWords(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}
