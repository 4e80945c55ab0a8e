/**
 * Splits normalised text into word and number tokens, with offsets into the
 * ORIGINAL text (through the normaliser's map). One pass, no backtracking.
 * Numbers are read the way people write them: 130,000 / 130 000 / 130.000 /
 * 130k / 1.5 million / seventy / one hundred and thirty thousand / ciento
 * treinta mil; "%", "per cent" and "por ciento" become the word "percent".
 * Number words combine only when they form one number ("twenty five"), not
 * in a list ("one, two, three" stays three tokens).
 */
import { normalize } from './normalize';
import { numberWordInfo, scaleWord, suffixValue, type NumberWordInfo, type NumberWordKind } from './numbers';

export interface Token {
  /** normalised word; digits for numbers ("130000") */
  text: string;
  /** numeric value for number tokens */
  value?: number;
  /** [start, end) in the original text: the visible word */
  start: number;
  end: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => c >= 97 && c <= 122;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (isLower(c) || isDigit(c)) return true;
  if (c < 128 || c !== c /* NaN: past the end */) return false;
  return WORD_CHAR.test(s[i]);
}

export function tokenize(original: string): Token[] {
  const { text, map } = normalize(original);
  // First pass: tokens in normalised coordinates; a number written with
  // digits is the only kind that has a value yet.
  const raw: Token[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isLower(c) || (c >= 128 && isWordChar(text, i))) {
      const s = i;
      while (i < len && isWordChar(text, i)) i++;
      raw.push({ text: text.slice(s, i), value: undefined, start: s, end: i });
    } else if (isDigit(c)) {
      i = readNumber(text, i, raw);
    } else if (c === 37 /* % */) {
      raw.push({ text: 'percent', value: undefined, start: i, end: i + 1 });
      i++;
    } else {
      i++;
    }
  }
  return combine(raw, text, map, original);
}

/** Spanish number words that are also everyday English words. */
const AMBIGUOUS = new Set(['un', 'una', 'once']);

const isSep = (c: number) => c === 44 /* , */ || c === 46 /* . */ || c === 32; /* space */

/** Reads digits with thousands groups, decimals and a k/m/bn suffix. */
function readNumber(text: string, i: number, raw: Token[]): number {
  const len = text.length;
  const s = i;
  while (i < len && isDigit(text.charCodeAt(i))) i++;
  let digits = text.slice(s, i);
  // Thousands groups: exactly three digits after , . or space (the same one
  // every time), and the lead group has 1-3 digits.
  let sep = -1;
  if (digits.length <= 3) {
    while (i + 3 < len) {
      const c = text.charCodeAt(i);
      if (!isSep(c) || (sep >= 0 && c !== sep)) break;
      if (!isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) break;
      if (isDigit(text.charCodeAt(i + 4))) break;
      digits += text.slice(i + 1, i + 4);
      sep = c;
      i += 4;
    }
  }
  // Decimals: "1.5", "2,5"; after groups only with the other mark ("1,234.5", "1.234,5").
  let fraction = '';
  const d = text.charCodeAt(i);
  if ((d === 44 || d === 46) && d !== sep && isDigit(text.charCodeAt(i + 1))) {
    let j = i + 1;
    while (j < len && isDigit(text.charCodeAt(j))) j++;
    fraction = text.slice(i + 1, j);
    i = j;
  }
  let value = Number(fraction ? `${digits}.${fraction}` : digits);
  // A letter suffix glued to the digits: 130k, 2bn (but not 10km).
  let k = i;
  while (k < len && isLower(text.charCodeAt(k))) k++;
  if (k > i) {
    const mult = isWordChar(text, k) ? undefined : suffixValue(text.slice(i, k));
    if (mult === undefined) {
      // digits glued to other letters ("2nd", "10km", "3d") stay one word
      while (k < len && isWordChar(text, k)) k++;
      return gluedWord(text, s, k, sep, raw);
    }
    value *= mult;
    i = k;
  } else if (isWordChar(text, i)) {
    // digits glued to a non-ASCII letter ("10µm")
    while (k < len && isWordChar(text, k)) k++;
    return gluedWord(text, s, k, sep, raw);
  }
  // "130,000-plus" and "130,000+" are one quantity: the highlight keeps the qualifier.
  let end = i;
  if (text.charCodeAt(end) === 43 /* + */) end++;
  else if (text.startsWith('-plus', end) && !isWordChar(text, end + 5)) end += 5;
  raw.push({ text: canonical(value), value, start: s, end });
  return end;
}

/**
 * Digits glued to letters, text[s, k): one word. After space-separated groups
 * only the last group is glued ("1 000km" is 1 and "000km"): a token never
 * holds a space.
 */
function gluedWord(text: string, s: number, k: number, sep: number, raw: Token[]): number {
  if (sep === 32) {
    const cut = text.lastIndexOf(' ', k - 1);
    const value = Number(text.slice(s, cut).replaceAll(' ', ''));
    raw.push({ text: canonical(value), value, start: s, end: cut });
    s = cut + 1;
  }
  raw.push({ text: text.slice(s, k), value: undefined, start: s, end: k });
  return k;
}

const canonical = (value: number) => String(Math.round(value * 1000) / 1000);

/** Only spaces and hyphens between two words of one number ("twenty-five"). */
function joinable(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45) return false;
  }
  return true;
}

/** Are raw tokens a and a + 1 joined by spaces or hyphens only? */
function linked(raw: Token[], text: string, a: number): boolean {
  return a + 1 < raw.length && joinable(text, raw[a].end, raw[a + 1].start);
}

/**
 * Second pass, in place: joins number words and scale words into one number
 * token, "per cent" / "por ciento" into "percent", and maps offsets to the
 * original text.
 */
function combine(raw: Token[], text: string, map: Uint32Array, original: string): Token[] {
  const n = raw.length;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const tok = raw[i];
    const t = tok.text;
    let last = i;
    if (tok.value !== undefined) {
      // Digits then scale words: "1.5 million", "130 mil millones".
      let value = tok.value;
      let s: number | undefined;
      while (linked(raw, text, last) && (s = scaleWord(raw[last + 1].text)) !== undefined) {
        value *= s;
        last++;
      }
      if (last > i) {
        tok.text = canonical(value);
        tok.value = value;
      }
    } else if ((t === 'per' || t === 'por') && linked(raw, text, i)) {
      const next = raw[i + 1].text;
      if ((t === 'per' && next === 'cent') || (t === 'por' && (next === 'ciento' || next === 'cien'))) {
        tok.text = 'percent';
        last = i + 1;
      }
    } else {
      const info = numberWordInfo(t);
      if (info !== undefined) {
        // A lone number word keeps its word text too ("one of the good guys");
        // one that is also a common English word ("UN", "once") is a number
        // only as part of a longer one ("un millón", "once mil").
        const read = readNumberWords(raw, text, i, info);
        if (read.last > i) {
          tok.text = canonical(read.value);
          tok.value = read.value;
          last = read.last;
        } else if (!AMBIGUOUS.has(t)) {
          tok.value = read.value;
        }
      }
    }
    const end = raw[last].end;
    tok.start = map[tok.start];
    tok.end = originalEnd(map, original, end);
    raw[w++] = tok;
    i = last;
  }
  raw.length = w;
  return raw;
}

/**
 * Reads "one hundred and thirty thousand", "twenty-five", "treinta y cinco",
 * "dos mil diecisiete" starting at raw token i. Returns the value and the
 * last raw token used.
 */
function readNumberWords(raw: Token[], text: string, i: number, first: NumberWordInfo): { value: number; last: number } {
  let total = 0; // parts already multiplied by a scale
  let chunk = 0; // the part below 1000 being read
  let state: NumberWordKind | 'scale' = first.kind;
  chunk = first.value;
  let lastScale = Infinity;
  let last = i;
  while (linked(raw, text, last)) {
    let next = last + 1;
    let word = raw[next].text;
    // "and" joins after hundred or a scale ("hundred and thirty", "thousand and one"),
    // "y" joins a Spanish tens word and a unit ("treinta y cinco").
    let link: 'and' | 'y' | undefined;
    if ((word === 'and' && (state === 'hundred' || state === 'scale')) || (word === 'y' && state === 'tens')) {
      if (!linked(raw, text, next)) break;
      link = word;
      next++;
      word = raw[next].text;
    }
    const scale = link ? undefined : scaleWord(word);
    if (scale !== undefined) {
      if (state === 'scale') {
        // "mil millones", "thousand million": the whole number so far is multiplied
        total *= scale;
        lastScale *= scale;
      } else {
        if (scale >= lastScale) break;
        total += chunk * scale;
        chunk = 0;
        lastScale = scale;
      }
      state = 'scale';
      last = next;
      continue;
    }
    const info = numberWordInfo(word);
    if (info === undefined) break;
    const k = info.kind;
    let ok = false;
    if (link === 'y') ok = k === 'unit' && info.value > 0;
    else if (k === 'hundred') ok = (state === 'unit' || state === 'teen') && chunk > 0 && chunk < 100;
    else if (state === 'tens') ok = k === 'unit' && info.value > 0 && link === undefined && chunk % 10 === 0;
    else if (state === 'hundred' || state === 'hundreds') ok = k === 'unit' || k === 'teen' || k === 'tens';
    else if (state === 'scale') ok = k === 'unit' || k === 'teen' || k === 'tens' || (k === 'hundreds' && !link);
    if (!ok) break;
    if (k === 'hundred') chunk *= 100;
    else chunk += info.value;
    // a Spanish "ciento" chunk keeps its own state; a unit after tens completes the tens
    state = k === 'unit' && (state === 'tens' || link === 'y') ? 'teen' : k;
    last = next;
  }
  return { value: total + chunk, last };
}

/**
 * Original end of a token whose normalised end is `e`: just past the original
 * character of its last normalised char (so a ligature or "⑴" split in two
 * still gives a non-empty word), plus any combining marks that follow it.
 */
function originalEnd(map: Uint32Array, original: string, e: number): number {
  const at = map[e - 1];
  let end = at + ((original.charCodeAt(at) & 0xfc00) === 0xd800 && (original.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
  const next = map[e];
  while (end < next && MARK.test(original[end])) end++;
  return end;
}
