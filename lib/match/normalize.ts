/**
 * Normalises text for matching and keeps a map back to the original, so a
 * match found in normalised text can be highlighted in the page.
 *   - case folded, accents removed (NFKD minus combining marks), compatibility
 *     forms (ligatures, full-width letters) unfolded
 *   - curly quotes -> ' and ", every dash -> -, every space (nbsp, thin...) -> ' '
 *   - soft hyphens and zero-width characters dropped
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

export function normalize(input: string): Normalized {
  const out: string[] = [];
  const map: number[] = [];
  let asciiRun = '';
  const flush = () => {
    if (asciiRun) {
      out.push(asciiRun.toLowerCase());
      asciiRun = '';
    }
  };
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    // Fast path: printable ASCII other than whitespace maps one to one.
    if (code > 32 && code < 127 && code !== 96) {
      asciiRun += input[i];
      map.push(i);
      continue;
    }
    flush();
    const ch = input[i];
    if (code <= 32 || SPACE.test(ch)) {
      out.push(' ');
      map.push(i);
    } else if (DROP.test(ch)) {
      continue;
    } else if (SINGLE_QUOTE.test(ch)) {
      out.push("'");
      map.push(i);
    } else if (DOUBLE_QUOTE.test(ch)) {
      out.push('"');
      map.push(i);
    } else if (DASH.test(ch)) {
      out.push('-');
      map.push(i);
    } else {
      // A surrogate pair stays together; its low half maps to the same place.
      const pair = code >= 0xd800 && code < 0xdc00 && i + 1 < input.length;
      const unit = pair ? input.slice(i, i + 2) : ch;
      const folded = unit.normalize('NFKD').toLowerCase();
      for (const c of folded) {
        if (MARK.test(c)) continue;
        for (let k = 0; k < c.length; k++) {
          out.push(c[k]);
          map.push(i);
        }
      }
      if (pair) i++;
    }
  }
  flush();
  map.push(input.length);
  return { text: out.join(''), map: Uint32Array.from(map) };
}
