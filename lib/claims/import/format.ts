/**
 * JSON for a dataset file, laid out like the hand-written ones: two-space
 * indent, short arrays of strings and numbers (rule groups, topics) on one line.
 */
const WIDTH = 100;

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';

function inline(v: unknown): string | undefined {
  if (isPrimitive(v)) return JSON.stringify(v);
  if (!Array.isArray(v)) return undefined;
  if (!v.every((x) => isPrimitive(x) || (Array.isArray(x) && x.every(isPrimitive)))) return undefined;
  return `[${v.map((x) => inline(x)).join(', ')}]`;
}

function format(v: unknown, indent: string): string {
  const one = inline(v);
  if (one !== undefined && indent.length + one.length <= WIDTH) return one;
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + format(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${format(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** The file's text, ending with a newline. */
export function formatEntryJson(entry: unknown): string {
  return `${format(entry, '')}\n`;
}
