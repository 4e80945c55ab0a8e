/**
 * The term language of match rules. A term is words separated by spaces that
 * must appear as consecutive tokens:
 *   austerity        a word (compared after normalisation: case, accents, quotes)
 *   kill*            a prefix (stem of at least 3 characters): killed, killing
 *   {100000..150000} a number within the inclusive range: 130,000 / 130k / 120 000
 * No regular expressions: every term is checked token by token, so matching
 * stays linear in the text whatever a dataset author writes.
 */
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
  const words: TermWord[] = [];
  for (const part of parts) {
    const range = NUMBER_RANGE.exec(part);
    if (range) {
      const min = Number(range[1]);
      const max = Number(range[2]);
      if (min > max) throw new Error(`number range ${part} has min > max`);
      words.push({ kind: 'number', min, max });
      continue;
    }
    const prefix = part.endsWith('*');
    const body = prefix ? part.slice(0, -1) : part;
    // Terms go through the same normaliser as page text, so "Norway's" splits the same way.
    const tokens = normalizeWords(body);
    if (tokens.length === 0) throw new Error(`"${part}" has no letters or digits`);
    if (/[*{}]/.test(body)) throw new Error(`"${part}": "*" only at the end of a word, "{a..b}" only as a whole word`);
    tokens.forEach((word, i) => {
      const last = i === tokens.length - 1;
      if (prefix && last) {
        if (word.length < MIN_STEM) throw new Error(`prefix "${part}" is shorter than ${MIN_STEM} characters`);
        words.push({ kind: 'prefix', stem: word });
      } else {
        words.push({ kind: 'word', word });
      }
    });
  }
  if (!words.some((w) => w.kind !== 'number') && words.length > 1) {
    throw new Error(`"${source}" has several numbers and no word`);
  }
  return words;
}

function normalizeWords(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}
