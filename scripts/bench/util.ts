/** Small helpers for the benchmark: medians, number formatting, Markdown tables, goal lines. */

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Milliseconds with one decimal (two under 1 ms); "–" when unknown. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return Math.abs(x) < 1 ? x.toFixed(2) : x.toFixed(1);
}

/** A difference, signed. */
export function signedMs(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return (x >= 0 ? '+' : '−') + ms(Math.abs(x));
}

export function int(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–';
}

export function ratio(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(1)}×`;
}

/** min–max of the runs, to show the spread next to a median. */
export function spread(values: number[]): string {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length < 2) return '';
  const f = (x: number) => (x < 0 ? `−${ms(-x)}` : ms(x));
  return `${f(Math.min(...v))} … ${f(Math.max(...v))}`;
}

export function table(head: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [`| ${head.map(esc).join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(esc).join(' | ')} |`);
  return lines.join('\n');
}

export interface Goal {
  text: string;
  pass: boolean | null;
  detail: string;
}

export function goalLine(g: Goal): string {
  const mark = g.pass === null ? '?' : g.pass ? '✓' : '✗';
  return `${mark} ${g.text} — ${g.detail}`;
}

export const sleep = (msToWait: number) => new Promise<void>((r) => setTimeout(r, msToWait));

/** The report: printed as it is written, and kept for docs/bench.md. */
export class Doc {
  readonly lines: string[] = [];
  say(text = ''): void {
    console.log(text);
    this.lines.push(text);
  }
  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

export const max = (values: number[]) => values.filter(Number.isFinite).reduce((m, x) => Math.max(m, x), -Infinity);
