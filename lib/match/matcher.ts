/**
 * Finds claims in a block of text. The prefilter (one map lookup per token)
 * picks candidate rules; only those get the full check: one alternative of
 * every group inside a window of `within` tokens, and no veto term nearby.
 *
 * Cost: one pass over the tokens whatever the size of the dataset. The pass
 * also notes where the first word of any rule's term occurs in the block, so
 * a candidate rule whose other groups are absent is dropped after a few
 * lookups, and one with every group present checks its terms only where
 * their first words are: never all tokens times all alternatives.
 */
import type { MatchIndex, CompiledRule } from './compile';
import type { Term } from './terms';
import { tokenize, type Token } from './tokenize';

export interface Match {
  claim: number;
  /** offsets into the block's original text */
  start: number;
  end: number;
  /** the matched words of each group, as [start, end) offsets: the "why highlighted" */
  parts: Array<[number, number]>;
}

export function matchText(index: MatchIndex, text: string): Match[] {
  return matchTokens(index, tokenize(text));
}

/** Rules with an anchor term whose first word is in the tokens. */
export function candidateRules(index: MatchIndex, tokens: Token[]): Set<number> {
  const prep = prepare(index);
  const count = scan(prep, tokens);
  const found = new Set<number>();
  for (let i = 0; i < count; i++) found.add(prep.candidates[i]);
  return found;
}

export function matchTokens(index: MatchIndex, tokens: Token[]): Match[] {
  const prep = prepare(index);
  const count = scan(prep, tokens);
  if (count === 0) return [];
  const survivors: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = prep.candidates[i];
    if (allGroupsPresent(prep, r)) survivors.push(r);
  }
  if (survivors.length === 0) return [];
  // In rule order: of two rules of one claim, the first one's match is kept.
  survivors.sort((a, b) => a - b);
  const matches: Match[] = [];
  let byClaim: Map<number, Match[]> | undefined;
  for (const r of survivors) {
    const pr = prep.rules[r];
    const found = matchRule(prep, pr, tokens);
    if (found.length === 0) continue;
    // Two rules of one claim can find the same words: keep the first.
    byClaim ??= new Map();
    const claim = pr.rule.claim;
    const earlier = byClaim.get(claim);
    const kept = earlier ? withoutOverlaps(found, earlier) : found;
    if (kept.length === 0) continue;
    byClaim.set(claim, earlier ? mergeByStart(earlier, kept) : kept);
    for (const m of kept) matches.push(m);
  }
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * Could some block of a page whose blocks were joined into these tokens (textContent) hold a claim? A rule that
 * matches inside a block matches in the joined text too, except where a veto term of a neighbouring block comes
 * near, so vetoes are not applied: a gate that may let a page through for nothing, never one that misses.
 */
export function mayHoldClaim(index: MatchIndex, tokens: Token[]): boolean {
  const prep = prepare(index);
  const count = scan(prep, tokens);
  for (let i = 0; i < count; i++) {
    const r = prep.candidates[i];
    if (allGroupsPresent(prep, r) && matchRule(prep, prep.rules[r], tokens, false).length) return true;
  }
  return false;
}

/** Does `term` match the tokens starting at position p? */
export function termAt(tokens: Token[], p: number, term: Term): boolean {
  if (p + term.length > tokens.length) return false;
  for (let k = 0; k < term.length; k++) {
    const t = tokens[p + k];
    const w = term[k];
    if (w.kind === 'word' ? t.text !== w.word : w.kind === 'prefix' ? !t.text.startsWith(w.stem) : t.value === undefined || t.value < w.min || t.value > w.max) {
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// The prepared form of an index: built once per MatchIndex object (the index
// may come from JSON, so it stays plain data and this lives beside it).

interface Alt {
  term: Term;
  /** id of the term's first word or stem; -1 when it starts with a number */
  key: number;
  min: number;
  max: number;
}

interface PreparedRule {
  rule: CompiledRule;
  groups: Alt[][];
  none: Alt[];
}

/**
 * Every rule's groups other than its anchor group, packed into flat arrays
 * for the presence check (a few contiguous reads per candidate rule): rule
 * r's groups are g = ruleGroups[r] .. ruleGroups[r + 1] - 1; group g's
 * alternatives are altKeys[groupStart[g] .. groupEnd[g] - 1]; key -1 is a
 * number range, in altMin/altMax.
 */
interface Packed {
  ruleGroups: Int32Array;
  groupStart: Int32Array;
  groupEnd: Int32Array;
  altKeys: Int32Array;
  altMin: Float64Array;
  altMax: Float64Array;
}

interface Entry {
  id: number;
  /** rules anchored on this word or stem */
  anchors: number[];
}

interface StemEntry extends Entry {
  stem: string;
}

/** What one token text contributes: its word id, the stems it starts with, the rules they anchor. */
interface Lexeme {
  word: number;
  stems: number[];
  anchors: number[];
  /** the call that last pushed its anchors (a word repeated in a block adds its rules once) */
  seen: number;
}
const NOTHING: Lexeme = { word: -1, stems: [], anchors: [], seen: 0 };
const LEXICON_LIMIT = 100_000;
/** V8 copies strings shorter than 13 characters when slicing; longer ones may share their parent's memory */
const SHORT_KEY = 12;

interface Prepared {
  /** token text -> lexeme, filled as texts are met (pages repeat their words) */
  lexicon: Map<string, Lexeme>;
  words: Map<string, Entry>;
  stems: Map<string, Entry>;
  /** stems by the hash of their characters (stemHash), so a token's prefixes are looked up without slicing */
  stemTable: Map<number, StemEntry[]>;
  /** isStemLength[n]: some stem has n characters */
  isStemLength: Uint8Array;
  /** distinct stem lengths, ascending */
  stemLengths: number[];
  rules: PreparedRule[];
  packed: Packed;
  // Scratch space reused by every call (matching is synchronous).
  /** present[id] === epoch: the word or stem `id` starts some token of the block */
  present: Int32Array;
  ruleMark: Int32Array;
  epoch: number;
  candidates: number[];
  /** values and positions of the number tokens */
  numbers: number[];
  numbersSorted: boolean;
  numberAt: number[];
  /** word id of each token (-1: none); (position, stem id) of each stem found */
  wordAt: Int32Array;
  stemPos: number[];
  stemId: number[];
  /** positions of each id, built on demand: a list from head[id] (if headEpoch[id] is current) through listNext */
  listsEpoch: number;
  headEpoch: Int32Array;
  head: Int32Array;
  listPos: number[];
  listNext: number[];
}

/** Hash of the first n characters (a small integer: a fast Map key). */
function stemHash(s: string, n: number): number {
  let h = 0;
  for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h & 0x3fffffff;
}

const prepared = new WeakMap<MatchIndex, Prepared>();

function prepare(index: MatchIndex): Prepared {
  let prep = prepared.get(index);
  if (!prep) {
    prep = build(index);
    prepared.set(index, prep);
  }
  return prep;
}

function build(index: MatchIndex): Prepared {
  const words = new Map<string, Entry>();
  const stems = new Map<string, Entry>();
  let ids = 0;
  const entry = (map: Map<string, Entry>, key: string) => {
    let e = map.get(key);
    if (!e) map.set(key, (e = { id: ids++, anchors: [] }));
    return e;
  };
  const alt = (term: Term): Alt => {
    const first = term[0];
    if (first.kind === 'word') return { term, key: entry(words, first.word).id, min: 0, max: 0 };
    if (first.kind === 'prefix') return { term, key: entry(stems, first.stem).id, min: 0, max: 0 };
    return { term, key: -1, min: first.min, max: first.max };
  };
  const rules: PreparedRule[] = index.rules.map((rule) => ({
    rule,
    groups: rule.groups.map((alts) => alts.map(alt)),
    none: rule.none.map(alt),
  }));
  const packed = pack(index, rules);
  for (const word of Object.keys(index.exact)) entry(words, word).anchors.push(...index.exact[word]);
  for (const stem of Object.keys(index.prefix)) entry(stems, stem).anchors.push(...index.prefix[stem]);
  const lengths = new Set<number>();
  const stemTable = new Map<number, StemEntry[]>();
  for (const [stem, e] of stems) {
    lengths.add(stem.length);
    const h = stemHash(stem, stem.length);
    const bucket = stemTable.get(h);
    const se: StemEntry = { id: e.id, anchors: e.anchors, stem };
    if (bucket) bucket.push(se);
    else stemTable.set(h, [se]);
  }
  const stemLengths = [...lengths].sort((a, b) => a - b);
  const isStemLength = new Uint8Array((stemLengths[stemLengths.length - 1] ?? 0) + 1);
  for (const n of stemLengths) isStemLength[n] = 1;
  return {
    lexicon: new Map(),
    words,
    stems,
    stemTable,
    isStemLength,
    stemLengths,
    rules,
    packed,
    present: new Int32Array(ids),
    ruleMark: new Int32Array(rules.length),
    epoch: 0,
    candidates: [],
    numbers: [],
    numbersSorted: false,
    numberAt: [],
    wordAt: new Int32Array(64),
    stemPos: [],
    stemId: [],
    listsEpoch: 0,
    headEpoch: new Int32Array(ids),
    head: new Int32Array(ids),
    listPos: [],
    listNext: [],
  };
}

/** Looks a token text up in the word map and the stem table, and remembers the answer. */
function learn(prep: Prepared, text: string): Lexeme {
  const { words, stemTable, isStemLength, stemLengths } = prep;
  let word = -1;
  const stems: number[] = [];
  const anchors: number[] = [];
  const e = words.get(text);
  if (e !== undefined) {
    word = e.id;
    for (const r of e.anchors) anchors.push(r);
  }
  if (stemLengths.length && text.length >= stemLengths[0]) {
    // Each prefix of the text that is as long as some stem: one rolling hash, no slices.
    const upto = Math.min(text.length, isStemLength.length - 1);
    let h = 0;
    for (let i = 0; i < upto; i++) {
      h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
      if (isStemLength[i + 1] === 0) continue;
      const bucket = stemTable.get(h & 0x3fffffff);
      if (bucket === undefined) continue;
      for (const s of bucket) {
        if (s.stem.length !== i + 1 || !text.startsWith(s.stem)) continue;
        stems.push(s.id);
        for (const r of s.anchors) anchors.push(r);
      }
    }
  }
  const lex = word < 0 && stems.length === 0 ? NOTHING : { word, stems, anchors, seen: 0 };
  if (prep.lexicon.size >= LEXICON_LIMIT) prep.lexicon.clear();
  // A long text may be a slice of a whole block's text in V8; keep a copy of
  // its own so the lexicon does not keep the block alive.
  prep.lexicon.set(text.length > SHORT_KEY ? (' ' + text).slice(1) : text, lex);
  return lex;
}

/**
 * The one pass over the tokens: marks the first words and stems present,
 * collects number values and the candidate rules (into prep.candidates,
 * unsorted); returns how many candidates there are.
 */
function scan(prep: Prepared, tokens: Token[]): number {
  if (++prep.epoch >= 0x3fffffff) {
    prep.present.fill(0);
    prep.ruleMark.fill(0);
    prep.headEpoch.fill(0);
    prep.lexicon.clear();
    prep.listsEpoch = 0;
    prep.epoch = 1;
  }
  const epoch = prep.epoch;
  const { lexicon, present, ruleMark, candidates, numbers, numberAt, stemPos, stemId } = prep;
  numbers.length = 0;
  numberAt.length = 0;
  stemPos.length = 0;
  stemId.length = 0;
  prep.numbersSorted = false;
  if (prep.wordAt.length < tokens.length) prep.wordAt = new Int32Array(Math.max(tokens.length, prep.wordAt.length * 2));
  const wordAt = prep.wordAt;
  let count = 0;
  for (let p = 0, n = tokens.length; p < n; p++) {
    const token = tokens[p];
    if (token.value !== undefined) {
      numbers.push(token.value);
      numberAt.push(p);
    }
    let lex = lexicon.get(token.text);
    if (lex === undefined) lex = learn(prep, token.text);
    wordAt[p] = lex.word;
    if (lex === NOTHING) continue;
    if (lex.word >= 0) present[lex.word] = epoch;
    for (const id of lex.stems) {
      present[id] = epoch;
      stemPos.push(p);
      stemId.push(id);
    }
    if (lex.seen === epoch) continue;
    lex.seen = epoch;
    for (const r of lex.anchors) {
      if (ruleMark[r] !== epoch) {
        ruleMark[r] = epoch;
        candidates[count++] = r;
      }
    }
  }
  return count;
}

function pack(index: MatchIndex, rules: PreparedRule[]): Packed {
  const ruleGroups = new Int32Array(rules.length + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: number[] = [];
  const mins: number[] = [];
  const maxs: number[] = [];
  rules.forEach((pr, r) => {
    ruleGroups[r] = starts.length;
    // The anchor group is present in every candidate: no need to check it.
    pr.groups.forEach((alts, g) => {
      if (g === pr.rule.anchor) return;
      starts.push(keys.length);
      for (const a of alts) {
        keys.push(a.key);
        mins.push(a.min);
        maxs.push(a.max);
      }
      ends.push(keys.length);
    });
  });
  ruleGroups[rules.length] = starts.length;
  return {
    ruleGroups,
    groupStart: Int32Array.from(starts),
    groupEnd: Int32Array.from(ends),
    altKeys: Int32Array.from(keys),
    altMin: Float64Array.from(mins),
    altMax: Float64Array.from(maxs),
  };
}

/** Cheap necessary condition: every group has an alternative whose first word is in the block. */
function allGroupsPresent(prep: Prepared, r: number): boolean {
  const { ruleGroups, groupStart, groupEnd, altKeys, altMin, altMax } = prep.packed;
  const present = prep.present;
  const epoch = prep.epoch;
  for (let g = ruleGroups[r], ge = ruleGroups[r + 1]; g < ge; g++) {
    let any = false;
    for (let a = groupStart[g], end = groupEnd[g]; a < end; a++) {
      const k = altKeys[a];
      if (k >= 0 ? present[k] === epoch : hasNumber(prep, altMin[a], altMax[a])) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

function hasNumber(prep: Prepared, min: number, max: number): boolean {
  const nums = prep.numbers;
  if (nums.length <= 32) {
    for (const v of nums) if (v >= min && v <= max) return true;
    return false;
  }
  if (!prep.numbersSorted) {
    // numberAt keeps the text order; values may be reordered
    nums.sort((a, b) => a - b);
    prep.numbersSorted = true;
  }
  const i = lowerBound(nums, min);
  return i < nums.length && nums[i] <= max;
}

/** First index i with sorted[i] >= x. */
function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds, once per block, the list of positions of every word and stem id. */
function buildLists(prep: Prepared, n: number): void {
  if (prep.listsEpoch === prep.epoch) return;
  prep.listsEpoch = prep.epoch;
  const { headEpoch, head, listPos, listNext, wordAt, stemPos, stemId } = prep;
  const epoch = prep.epoch;
  listPos.length = 0;
  listNext.length = 0;
  const add = (id: number, p: number) => {
    listNext.push(headEpoch[id] === epoch ? head[id] : -1);
    listPos.push(p);
    head[id] = listPos.length - 1;
    headEpoch[id] = epoch;
  };
  // Added from the end, so each list runs in text order.
  for (let i = stemPos.length - 1; i >= 0; i--) add(stemId[i], stemPos[i]);
  for (let p = n - 1; p >= 0; p--) if (wordAt[p] >= 0) add(wordAt[p], p);
}

/** Where `alt` matches, ascending, appended to `out` as (first token, last token, tag) triples. */
function altPositions(prep: Prepared, tokens: Token[], alt: Alt, out: number[], tag: number): void {
  const term = alt.term;
  const len = term.length;
  if (alt.key < 0) {
    for (const p of prep.numberAt) if (termAt(tokens, p, term)) out.push(p, p + len - 1, tag);
    return;
  }
  if (prep.headEpoch[alt.key] !== prep.epoch) return;
  for (let k = prep.head[alt.key]; k >= 0; k = prep.listNext[k]) {
    const p = prep.listPos[k];
    if (len === 1 || termAt(tokens, p, term)) out.push(p, p + len - 1, tag);
  }
}

/** Sorts (first, last, tag) triples by first, then tag. */
function sortTriples(xs: number[]): number[] {
  const count = xs.length / 3;
  if (count <= 16) {
    // insertion sort in place: blocks are short, this is the usual case
    for (let i = 1; i < count; i++) {
      const f = xs[3 * i];
      const l = xs[3 * i + 1];
      const t = xs[3 * i + 2];
      let j = i - 1;
      while (j >= 0 && (xs[3 * j] > f || (xs[3 * j] === f && xs[3 * j + 2] > t))) {
        xs[3 * j + 3] = xs[3 * j];
        xs[3 * j + 4] = xs[3 * j + 1];
        xs[3 * j + 5] = xs[3 * j + 2];
        j--;
      }
      xs[3 * j + 3] = f;
      xs[3 * j + 4] = l;
      xs[3 * j + 5] = t;
    }
    return xs;
  }
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => xs[3 * a] - xs[3 * b] || xs[3 * a + 2] - xs[3 * b + 2]);
  const out: number[] = [];
  for (const i of order) out.push(xs[3 * i], xs[3 * i + 1], xs[3 * i + 2]);
  return out;
}

function matchRule(prep: Prepared, pr: PreparedRule, tokens: Token[], vetoes = true): Match[] {
  const { rule, groups } = pr;
  const G = groups.length;
  buildLists(prep, tokens.length);
  // Occurrences of each group: at each position the first alternative that
  // matches there (first and last token).
  const firsts: number[][] = [];
  const lasts: number[][] = [];
  for (let g = 0; g < G; g++) {
    const alts = groups[g];
    let found: number[] = [];
    for (let a = 0; a < alts.length; a++) altPositions(prep, tokens, alts[a], found, a);
    if (found.length === 0) return [];
    if (alts.length > 1) found = sortTriples(found);
    const f: number[] = [];
    const l: number[] = [];
    for (let i = 0; i < found.length; i += 3) {
      if (f.length && f[f.length - 1] === found[i]) continue; // a later alternative at the same place
      f.push(found[i]);
      l.push(found[i + 1]);
    }
    firsts.push(f);
    lasts.push(l);
  }

  let vetoAt: number[] | undefined;
  const out: Match[] = [];
  const next = new Array<number>(G).fill(0);
  const picked = new Array<number>(G);
  let from = 0;
  // Every occurrence is a possible window start, in text order (ties in group
  // order: a merge of the groups' lists); the other groups take their
  // earliest occurrence at or after it. Windows never overlap.
  const at = new Array<number>(G).fill(0);
  for (;;) {
    let sg = -1;
    for (let g = 0; g < G; g++) {
      if (at[g] < firsts[g].length && (sg < 0 || firsts[g][at[g]] < firsts[sg][at[sg]])) sg = g;
    }
    if (sg < 0) break;
    const first = firsts[sg][at[sg]];
    let last = lasts[sg][at[sg]];
    at[sg]++;
    if (first < from) continue;
    for (let g = 0; g < G; g++) {
      const occ = firsts[g];
      let k = next[g];
      while (k < occ.length && occ[k] < first) k++;
      next[g] = k;
      if (k === occ.length) return out;
      picked[g] = k;
      if (lasts[g][k] > last) last = lasts[g][k];
    }
    if (last - first + 1 > rule.within) continue;
    if (vetoes && pr.none.length) {
      vetoAt ??= vetoPositions(prep, pr, tokens);
      if (vetoed(vetoAt, first - rule.within, last + rule.within)) continue;
    }
    // The span ends where the greedy window ends; each group then takes its
    // latest occurrence inside it, so the span starts as late as it can
    // ("Austerity was... austerity killed 130,000" starts at the second one).
    let start = last;
    for (let g = 0; g < G; g++) {
      const f = firsts[g];
      const l = lasts[g];
      let k = picked[g];
      while (k + 1 < f.length && f[k + 1] <= last && l[k + 1] <= last) k++;
      picked[g] = k;
      if (f[k] < start) start = f[k];
    }
    const order = picked.map((_, g) => g).sort((a, b) => firsts[a][picked[a]] - firsts[b][picked[b]]);
    const parts = order.map((g): [number, number] => [tokens[firsts[g][picked[g]]].start, tokens[lasts[g][picked[g]]].end]);
    out.push({ claim: rule.claim, start: tokens[start].start, end: tokens[last].end, parts });
    from = last + 1;
  }
  return out;
}

/** Token positions where a veto term starts, ascending. */
function vetoPositions(prep: Prepared, pr: PreparedRule, tokens: Token[]): number[] {
  const found: number[] = [];
  for (const alt of pr.none) altPositions(prep, tokens, alt, found, 0);
  const positions: number[] = [];
  for (let i = 0; i < found.length; i += 3) positions.push(found[i]);
  return positions.sort((a, b) => a - b);
}

function vetoed(vetoes: number[], lo: number, hi: number): boolean {
  const i = lowerBound(vetoes, lo);
  return i < vetoes.length && vetoes[i] <= hi;
}

/** The matches (sorted, disjoint) that overlap none of `earlier` (sorted, disjoint). */
function withoutOverlaps(found: Match[], earlier: Match[]): Match[] {
  const kept: Match[] = [];
  let j = 0;
  for (const m of found) {
    while (j < earlier.length && earlier[j].end <= m.start) j++;
    if (j < earlier.length && earlier[j].start < m.end) continue;
    kept.push(m);
  }
  return kept;
}

function mergeByStart(a: Match[], b: Match[]): Match[] {
  const out: Match[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
