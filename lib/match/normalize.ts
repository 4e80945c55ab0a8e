/**
 * Normalises text for matching and keeps a map back to the original, so a
 * match found in normalised text can be highlighted in the page.
 *   - case folded, accents removed (NFKD minus combining marks), compatibility
 *     forms (ligatures, full-width letters) unfolded
 *   - curly quotes -> ' and ", every dash -> -, every space (nbsp, thin...) -> ' '
 *   - soft hyphens and zero-width characters dropped
 * Normalising normalised text changes nothing (the rules above are applied
 * again to what NFKD produces).
 */
export interface Normalized {
  text: string;
  /** map[i] = index in the original of normalised char i; map[text.length] = original length */
  map: Uint32Array;
}

const DROP = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const SINGLE_QUOTE = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u00B4\u0060]/;
const DOUBLE_QUOTE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const MARK = /\p{M}/u;

/** The class rules for one code point (no NFKD): its replacement, or undefined to fold it. */
function classify(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  // DROP first: U+FEFF is also in \s, but it is a zero-width character.
  if (DROP.test(ch) || MARK.test(ch)) return '';
  if (code <= 32 || SPACE.test(ch)) return ' ';
  if (SINGLE_QUOTE.test(ch)) return "'";
  if (DOUBLE_QUOTE.test(ch)) return '"';
  if (DASH.test(ch)) return '-';
  return undefined;
}

/** What one original unit (a char or a surrogate pair) becomes. */
function foldUnit(unit: string): string {
  const direct = classify(unit);
  if (direct !== undefined) return direct;
  let out = '';
  for (const c of unit.normalize('NFKD').toLowerCase()) {
    const cls = classify(c);
    if (cls === undefined) out += c;
    else out += cls;
  }
  return out;
}

// Pages repeat the same few non-ASCII characters (quotes, accents, nbsp):
// remember what they fold to. Bounded so random text cannot grow it forever.
const cache = new Map<string, string>();
function fold(unit: string): string {
  let f = cache.get(unit);
  if (f === undefined) {
    f = foldUnit(unit);
    if (cache.size >= 4096) cache.clear();
    cache.set(unit, f);
  }
  return f;
}

export function normalize(input: string): Normalized {
  const n = input.length;
  let map: Uint32Array = new Uint32Array(n + 1);
  let len = 0;
  const out: string[] = [];
  // A run of printable ASCII (and plain spaces) is copied with one slice and
  // lowercased at once: it maps one to one.
  let runStart = -1;
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    if (code >= 32 && code < 127 && code !== 96) {
      if (runStart < 0) runStart = i;
      if (len >= map.length - 1) map = grow(map, len + 2);
      map[len++] = i;
      continue;
    }
    if (runStart >= 0) {
      out.push(input.slice(runStart, i).toLowerCase());
      runStart = -1;
    }
    // A surrogate pair stays together; both halves map to its start.
    const pair = code >= 0xd800 && code < 0xdc00 && i + 1 < n && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const unit = pair ? input.slice(i, i + 2) : input[i];
    const f = code <= 32 ? ' ' : fold(unit);
    if (f.length) {
      if (len + f.length >= map.length) map = grow(map, len + f.length + 1);
      for (let k = 0; k < f.length; k++) map[len++] = i;
      out.push(f);
    }
    if (pair) i++;
  }
  if (runStart >= 0) out.push(input.slice(runStart).toLowerCase());
  if (len >= map.length) map = grow(map, len + 1);
  map[len] = n;
  const text = out.length === 1 ? out[0] : out.join('');
  return { text, map: map.length === len + 1 ? map : map.subarray(0, len + 1) };
}

function grow(map: Uint32Array, need: number): Uint32Array {
  const bigger = new Uint32Array(Math.max(need, map.length * 2));
  bigger.set(map);
  return bigger;
}
