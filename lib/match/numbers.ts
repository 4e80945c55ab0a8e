/**
 * Number words (English and Spanish) and scale words, for "seventy percent",
 * "one hundred and thirty thousand", "ciento treinta mil" or "130 thousand".
 * Every table is a Map: page words such as "constructor" must never find
 * Object.prototype members.
 */

/**
 * How a number word combines with its neighbours:
 *   unit     0-9: after a tens word ("twenty five", "treinta y cinco")
 *   teen     10-19 and Spanish 21-29 written as one word: complete below 100
 *   tens     20, 30 ... 90: a unit may follow
 *   hundred  "hundred": multiplies what comes before (or 100 alone)
 *   hundreds Spanish 100-900 ("ciento", "doscientos"): start a chunk below 1000
 */
export type NumberWordKind = 'unit' | 'teen' | 'tens' | 'hundred' | 'hundreds';

export interface NumberWordInfo {
  value: number;
  kind: NumberWordKind;
}

const WORDS = new Map<string, NumberWordInfo>();
function add(kind: NumberWordKind, words: Record<string, number>): void {
  for (const [w, value] of Object.entries(words)) WORDS.set(w, { value, kind });
}
add('unit', {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  cero: 0, un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
});
add('teen', {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
  diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17,
  dieciocho: 18, diecinueve: 19, veintiun: 21, veintiuno: 21, veintiuna: 21, veintidos: 22, veintitres: 23,
  veinticuatro: 24, veinticinco: 25, veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29,
});
add('tens', {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
});
add('hundred', { hundred: 100 });
add('hundreds', {
  cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300,
  cuatrocientos: 400, cuatrocientas: 400, quinientos: 500, quinientas: 500, seiscientos: 600,
  seiscientas: 600, setecientos: 700, setecientas: 700, ochocientos: 800, ochocientas: 800,
  novecientos: 900, novecientas: 900,
});

const SCALE_WORDS = new Map<string, number>([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9],
  ['mil', 1e3], ['millon', 1e6], ['millones', 1e6],
]);
const SUFFIX_WORDS = new Map<string, number>([['k', 1e3], ['m', 1e6], ['mn', 1e6], ['bn', 1e9]]);

/** Scale words multiply the number before them: "130 thousand", "1.5 million", "130 mil". */
export const SCALES: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(SCALE_WORDS)),
);
/** Suffixes written straight after digits: "130k", "2bn". */
export const SUFFIXES: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(SUFFIX_WORDS)),
);

/** Grammar class and value of a single number word, or undefined. */
export function numberWordInfo(word: string): NumberWordInfo | undefined {
  return WORDS.get(word);
}

/** Value of a single number word, or undefined. */
export function numberWord(word: string): number | undefined {
  return WORDS.get(word)?.value;
}

export function isHundred(word: string): boolean {
  return WORDS.get(word)?.kind === 'hundred';
}

/** Multiplier of a scale word ("thousand", "millones"), or undefined. */
export function scaleWord(word: string): number | undefined {
  return SCALE_WORDS.get(word);
}

/** Multiplier of a suffix glued to digits ("k", "bn"), or undefined. */
export function suffixValue(suffix: string): number | undefined {
  return SUFFIX_WORDS.get(suffix);
}
