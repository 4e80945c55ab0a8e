/** Number words (English and Spanish) and scale words, for "seventy percent" or "130 thousand". */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  cero: 0, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
  diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, veinte: 20, treinta: 30,
  cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
  cien: 100, ciento: 100,
};
const HUNDRED = new Set(['hundred']);
/** Scale words multiply the number before them: "130 thousand", "1.5 million", "130 mil". */
export const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, mil: 1e3, millon: 1e6, millones: 1e6,
};
/** Suffixes written straight after digits: "130k", "2bn". */
export const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };

/** Value of a single number word, or undefined. */
export function numberWord(word: string): number | undefined {
  if (word in UNITS) return UNITS[word];
  if (HUNDRED.has(word)) return 100;
  return undefined;
}

export function isHundred(word: string): boolean {
  return HUNDRED.has(word);
}
