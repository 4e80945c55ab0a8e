/**
 * Splits normalised text into word and number tokens, with offsets into the
 * ORIGINAL text (through the normaliser's map). One pass, no backtracking.
 * Numbers are read the way people write them: 130,000 / 130 000 / 130.000 /
 * 130k / 1.5 million / seventy / one hundred and thirty thousand; "%" becomes
 * the word "percent".
 */
import { normalize } from './normalize';
import { isHundred, numberWord, SCALES, SUFFIXES } from './numbers';

export interface Token {
  /** normalised word; digits for numbers ("130000") */
  text: string;
  /** numeric value for number tokens */
  value?: number;
  start: number;
  end: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const WORD_CHAR = /[\p{L}\p{N}]/u;
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if ((c >= 97 && c <= 122) || isDigit(c)) return true;
  if (c < 128) return false;
  return WORD_CHAR.test(s[i]);
}

export function tokenize(original: string): Token[] {
  const { text, map } = normalize(original);
  const raw: Token[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      i = readNumber(text, i, map, raw);
    } else if (c === 37 /* % */) {
      raw.push({ text: 'percent', start: map[i], end: map[i + 1] });
      i++;
    } else if (isWordChar(text, i)) {
      const s = i;
      while (i < len && isWordChar(text, i)) i++;
      raw.push({ text: text.slice(s, i), start: map[s], end: map[i] });
    } else {
      i++;
    }
  }
  return combineNumberWords(raw);
}

/** Reads digits with thousands groups, decimals and a k/m/bn suffix. */
function readNumber(text: string, i: number, map: Uint32Array, out: Token[]): number {
  const s = i;
  let digits = '';
  while (i < text.length && isDigit(text.charCodeAt(i))) digits += text[i++];
  let fraction = '';
  const firstGroup = digits.length;
  // Thousands groups: exactly three digits after , . or space, and the lead group has 1-3 digits.
  while (firstGroup <= 3 && i + 3 < text.length + 1) {
    const sep = text[i];
    if (sep !== ',' && sep !== '.' && sep !== ' ') break;
    const group = text.slice(i + 1, i + 4);
    if (group.length !== 3 || !/^\d{3}$/.test(group) || isDigit(text.charCodeAt(i + 4))) break;
    digits += group;
    i += 4;
  }
  if ((text[i] === '.' || text[i] === ',') && isDigit(text.charCodeAt(i + 1)) && digits.length === firstGroup) {
    let j = i + 1;
    while (j < text.length && isDigit(text.charCodeAt(j))) fraction += text[j++];
    i = j;
  }
  let value = Number(fraction ? `${digits}.${fraction}` : digits);
  // A letter suffix glued to the digits: 130k, 2bn (but not 10km).
  let k = i;
  while (k < text.length && /[a-z]/.test(text[k])) k++;
  const suffix = text.slice(i, k);
  if (suffix && suffix in SUFFIXES) {
    value *= SUFFIXES[suffix];
    i = k;
  } else if (suffix) {
    // digits glued to other letters ("2nd", "10km", "b2b") stay one word
    out.push({ text: text.slice(s, k), start: map[s], end: map[k] });
    return k;
  }
  out.push({ text: canonical(value), value, start: map[s], end: map[i] });
  return i;
}

const canonical = (value: number) => String(Math.round(value * 1000) / 1000);

/** Joins number words and scale words into one number token. */
function combineNumberWords(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const scale = SCALES[t.text];
    const prev = out[out.length - 1];
    if (scale && prev?.value !== undefined && prev.end <= t.start) {
      prev.value *= scale;
      prev.text = canonical(prev.value);
      prev.end = t.end;
      continue;
    }
    const w = numberWord(t.text);
    if (w === undefined) {
      out.push(t);
      continue;
    }
    // "one hundred and thirty": words keep adding up while they are number words.
    let total = w;
    let end = t.end;
    let j = i + 1;
    while (j < tokens.length) {
      const next = tokens[j];
      const link = next.text === 'and' || next.text === 'y';
      const nw = numberWord(link ? tokens[j + 1]?.text ?? '' : next.text);
      if (nw === undefined) break;
      const target = link ? tokens[j + 1] : next;
      total = isHundred(target.text) ? Math.max(total, 1) * 100 : total + nw;
      end = target.end;
      j += link ? 2 : 1;
    }
    if (j === i + 1) {
      // A lone number word keeps its word text too ("one of the good guys").
      out.push({ text: t.text, value: w, start: t.start, end: t.end });
    } else {
      out.push({ text: canonical(total), value: total, start: t.start, end });
      i = j - 1;
    }
  }
  return out;
}
