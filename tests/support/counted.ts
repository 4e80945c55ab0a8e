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

/**
 * Tokenizes and matches `text`, counting the work: characters read through
 * charCodeAt (normaliser and tokenizer) plus token positions read by the matcher.
 */
export function countedWork(index: MatchIndex, text: string): { ops: number; matches: Match[] } {
  let chars = 0;
  const charCodeAt = String.prototype.charCodeAt;
  let tokens: Token[];
  String.prototype.charCodeAt = function (this: string, i: number) {
    chars++;
    return charCodeAt.call(this, i);
  };
  try {
    tokens = tokenize(text);
  } finally {
    String.prototype.charCodeAt = charCodeAt;
  }
  const c = counted(tokens);
  const matches = matchTokens(index, c.tokens);
  return { ops: chars + c.reads(), matches };
}
