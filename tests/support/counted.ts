import type { MatchIndex } from '../../lib/match/compile';
import { matchTokens, type Match } from '../../lib/match/matcher';
import { tokenize, type Token } from '../../lib/match/tokenize';

/** Counts reads of token positions: the matcher's work on a block, independent of the machine's speed. */
export function counted(tokens: Token[]): { tokens: Token[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(tokens, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57) reads++;
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { tokens: proxy, reads: () => reads };
}

/** Runs `run` while counting calls to `owner[method]` (a built-in's prototype method), and puts the method back. */
export function countCalls<O extends object, R>(owner: O, method: keyof O, run: () => R): { result: R; calls: number } {
  let calls = 0;
  const original = owner[method] as (...args: unknown[]) => unknown;
  (owner as Record<keyof O, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  try {
    return { result: run(), calls };
  } finally {
    (owner as Record<keyof O, unknown>)[method] = original;
  }
}

/**
 * Tokenizes and matches `text`, counting the work: characters read through
 * charCodeAt (normaliser and tokenizer) plus token positions read by the matcher.
 */
export function countedWork(index: MatchIndex, text: string): { ops: number; matches: Match[] } {
  const { result: tokens, calls: chars } = countCalls(String.prototype, 'charCodeAt', () => tokenize(text));
  const c = counted(tokens);
  const matches = matchTokens(index, c.tokens);
  return { ops: chars + c.reads(), matches };
}
