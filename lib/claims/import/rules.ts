/**
 * Conservative match rules for an imported claim: the 2-4 most distinctive
 * words of the claim text, each its own group, all required within a window a
 * little longer than the claim. A person reviews and widens them later.
 */
import type { Rule } from '../schema';
import { tokenize, type Token } from '../../match/tokenize';

/** English and Spanish function words, plus words too common in fact checks to tell claims apart. */
const STOPWORDS = new Set(
  (
    // English
    'a about above after again against all almost also am an and any are around as at be because been before being ' +
    'below between both but by can could did do does doing done down during each even ever every few for from further ' +
    'get gets got had has have having he her here hers herself him himself his how however i if in into is it its itself ' +
    'just least less like made make makes many may me might more most much must my myself never no nor not now of off ' +
    'often on once only or other our ours ourselves out over own per same she should since so some still such than that ' +
    'the their theirs them themselves then there these they this those though through to too under until up upon us ' +
    'very via was we were what when where whether which while who whom whose why will with within without would yet you ' +
    'your yours yourself yourselves ' +
    // words that say nothing about which claim it is
    'claim claims claimed say says said saying shows show showed shown showing video videos photo photos picture ' +
    'pictures image images post posts posted viral people percent per cent new year years time times really actually ' +
    'true false fake real ' +
    // Spanish
    'al algo algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aqui asi aun aunque bajo bien ' +
    'cada casi como con contra cual cuales cuando cuanto de del desde donde dos durante el ella ellas ellos en entre era ' +
    'eran eres es esa esas ese eso esos esta estaba estaban estado estan estar este esto estos fue fueron ha habia han ' +
    'hasta hay la las le les lo los mas me mi mientras mis muy nada ni no nos nosotros nuestra nuestro o os otra otras ' +
    'otro otros para pero poco por porque puede pueden que quien quienes se sea segun ser si sido siempre sin sobre ' +
    'solo son su sus tal tambien tampoco tan tanto te tenia tiene tienen todo todos tras tu tus un una unas uno unos usted ' +
    'ustedes va vez y ya yo ' +
    'afirma afirman dice dicen dijo muestra muestran foto fotos imagen imagenes publicacion personas gente ciento ano ' +
    'anos nuevo nueva verdad falso falsa'
  ).split(/\s+/),
);

/** Words and numbers shorter than this are never picked (numbers always qualify). */
const MIN_WORD = 3;

export interface PickedTerm {
  /** the rule term: a word, or a number range {min..max} */
  term: string;
  /** the word as written in the claim, for the near-miss sentence */
  surface: string;
  /** token index in the claim */
  position: number;
  kind: 'word' | 'number';
}

interface Candidate extends PickedTerm {
  score: number;
  weight: number;
}

const UPPER = /^\p{Lu}/u;
const DIGIT = /^\d/;
const YEAR = /^\d{4}$/;

/** A number token as a term: a year stays exact, any other number becomes a ±5% range of integers. */
export function numberTerm(value: number, written: string): string {
  if (YEAR.test(written) && value >= 1000 && value <= 2100) return String(value);
  const min = Math.max(0, Math.floor(value * 0.95));
  const max = Math.ceil(value * 1.05);
  return `{${min}..${max}}`;
}

function candidates(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  tokens.forEach((t, position) => {
    const surface = text.slice(t.start, t.end);
    let c: Candidate;
    // "COVID-19", "Article-50": a number glued to a word by a hyphen is part of a name, not a quantity
    if (t.value !== undefined && DIGIT.test(t.text) && /\p{L}-$/u.test(text.slice(Math.max(0, t.start - 2), t.start))) return;
    if (t.value !== undefined && DIGIT.test(t.text)) {
      // digits, or number words that add up ("one hundred thousand"); a lone "one" is a word below
      const term = numberTerm(t.value, surface);
      c = { term, surface, position, kind: 'number', score: 3, weight: t.text.length };
    } else {
      if (t.value !== undefined || t.text.length < MIN_WORD || STOPWORDS.has(t.text)) return;
      // A capital after the first word suggests a name; the first word is capitalised anyway.
      const name = position > 0 && UPPER.test(surface);
      c = { term: t.text, surface, position, kind: 'word', score: name ? 3 : 1, weight: t.text.length };
    }
    if (seen.has(c.term)) return;
    seen.add(c.term);
    out.push(c);
  });
  return out;
}

/**
 * The 2-4 most distinctive terms of the claim, in claim order: names and
 * numbers first, then longer words. At least one is a word (a rule needs a
 * word to anchor on). Fewer than two usable terms gives [].
 */
export function pickTerms(text: string): PickedTerm[] {
  const all = candidates(text, tokenize(text));
  const words = all.filter((c) => c.kind === 'word');
  if (all.length < 2 || words.length === 0) return [];
  const ranked = [...all].sort((a, b) => b.score - a.score || b.weight - a.weight || a.position - b.position);
  const count = all.length <= 2 ? 2 : all.length <= 6 ? 3 : 4;
  const picked = ranked.slice(0, count);
  if (!picked.some((c) => c.kind === 'word')) picked[picked.length - 1] = ranked.find((c) => c.kind === 'word')!;
  return picked
    .sort((a, b) => a.position - b.position)
    .map(({ term, surface, position, kind }) => ({ term, surface, position, kind }));
}

/** The match window: the claim's length in tokens plus 5, at most 80. */
export function windowFor(text: string): number {
  return Math.min(80, Math.max(2, tokenize(text).length + 5));
}

export function buildRule(text: string, terms: PickedTerm[], lang?: 'en' | 'es'): Rule {
  return { ...(lang ? { lang } : {}), all: terms.map((t) => [t.term]), within: windowFor(text) };
}

/** A near miss: a neutral sentence with only one of the picked words. */
export function nearMiss(term: PickedTerm, lang?: 'en' | 'es'): string {
  return lang === 'es' ? `Esta frase menciona ${term.surface} y nada más.` : `This sentence mentions ${term.surface} and nothing else.`;
}
