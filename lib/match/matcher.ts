/**
 * Finds claims in a block of text. The prefilter (one map lookup per token)
 * picks candidate rules; only those get the full check: one alternative of
 * every group inside a window of `within` tokens, and no veto term nearby.
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

interface Occurrence {
  group: number;
  first: number;
  last: number;
}

export function matchText(index: MatchIndex, text: string): Match[] {
  return matchTokens(index, tokenize(text));
}

export function candidateRules(index: MatchIndex, tokens: Token[]): Set<number> {
  const found = new Set<number>();
  for (const token of tokens) {
    const exact = index.exact[token.text];
    if (exact) for (const r of exact) found.add(r);
    for (const len of index.stemLengths) {
      if (len > token.text.length) break;
      const byStem = index.prefix[token.text.slice(0, len)];
      if (byStem) for (const r of byStem) found.add(r);
    }
  }
  return found;
}

export function matchTokens(index: MatchIndex, tokens: Token[]): Match[] {
  const candidates = candidateRules(index, tokens);
  if (candidates.size === 0) return [];
  const matches: Match[] = [];
  for (const r of [...candidates].sort((a, b) => a - b)) {
    for (const m of matchRule(index.rules[r], tokens)) {
      // Two rules of one claim can find the same words: keep the first.
      if (!matches.some((o) => o.claim === m.claim && o.start < m.end && m.start < o.end)) matches.push(m);
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

function matchRule(rule: CompiledRule, tokens: Token[]): Match[] {
  const byGroup: Occurrence[][] = rule.groups.map(() => []);
  for (let p = 0; p < tokens.length; p++) {
    rule.groups.forEach((alts, g) => {
      for (const term of alts) {
        if (termAt(tokens, p, term)) {
          byGroup[g].push({ group: g, first: p, last: p + term.length - 1 });
          break;
        }
      }
    });
  }
  if (byGroup.some((occ) => occ.length === 0)) return [];

  const out: Match[] = [];
  const next = byGroup.map(() => 0);
  let from = 0;
  // Every occurrence is a possible window start; the other groups take their
  // earliest occurrence at or after it. Windows never overlap.
  const starts = byGroup.flat().sort((a, b) => a.first - b.first);
  for (const start of starts) {
    if (start.first < from) continue;
    const picked: Occurrence[] = [];
    let last = start.last;
    for (let g = 0; g < byGroup.length; g++) {
      const occ = byGroup[g];
      while (next[g] < occ.length && occ[next[g]].first < start.first) next[g]++;
      const o = occ[next[g]];
      if (!o) return out;
      picked.push(o);
      last = Math.max(last, o.last);
    }
    if (last - start.first + 1 > rule.within) continue;
    if (vetoed(rule, tokens, start.first, last)) continue;
    out.push({
      claim: rule.claim,
      start: tokens[start.first].start,
      end: tokens[last].end,
      parts: picked.sort((a, b) => a.first - b.first).map((o) => [tokens[o.first].start, tokens[o.last].end]),
    });
    from = last + 1;
  }
  return out;
}

function vetoed(rule: CompiledRule, tokens: Token[], first: number, last: number): boolean {
  if (rule.none.length === 0) return false;
  const lo = Math.max(0, first - rule.within);
  const hi = Math.min(tokens.length - 1, last + rule.within);
  for (let p = lo; p <= hi; p++) for (const term of rule.none) if (termAt(tokens, p, term)) return true;
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
