/**
 * Stored settings that could not be read. They are reset to their defaults
 * (never thrown), and noted here, with what was found, for the options page.
 */
import { storage } from 'wxt/utils/storage';

export type SettingName = 'disabledSites' | 'paused' | 'dismissedClaims';

export interface SettingsProblem {
  setting: SettingName;
  /** the unreadable value, as JSON, shortened */
  found: string;
  /** ISO date and time it was found */
  at: string;
}

const SETTINGS: readonly string[] = ['disabledSites', 'paused', 'dismissedClaims'];

// A plain check rather than zod: this module is in the content script and the background, zod is not.
function isProblem(value: unknown): value is SettingsProblem {
  const p = value as Partial<SettingsProblem> | null;
  return typeof p === 'object' && p !== null && SETTINGS.includes(p.setting as string) && typeof p.found === 'string' && typeof p.at === 'string';
}

/** At most this many notes are kept; the oldest go first. */
const MAX_PROBLEMS = 20;
const MAX_FOUND = 300;

export const problemsItem = storage.defineItem<SettingsProblem[]>('local:settingsProblems', { fallback: [], version: 1 });

export async function getProblems(): Promise<SettingsProblem[]> {
  const value: unknown = await problemsItem.getValue();
  return Array.isArray(value) ? value.filter(isProblem) : [];
}

export function watchProblems(callback: (problems: SettingsProblem[]) => void): () => void {
  return problemsItem.watch(() => void getProblems().then(callback));
}

export async function clearProblems(): Promise<void> {
  await problemsItem.removeValue();
}

/** Entries of a long array shown: enough to recognise it, without writing out a huge one. */
const MAX_SHOWN_ITEMS = 10;

/** The value as JSON, shortened. */
export function describeFound(value: unknown): string {
  let text: string;
  try {
    // the length first, so shortening keeps it
    text =
      Array.isArray(value) && value.length > MAX_SHOWN_ITEMS
        ? `(${value.length} items) ${JSON.stringify(value.slice(0, MAX_SHOWN_ITEMS))}`
        : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > MAX_FOUND ? `${text.slice(0, MAX_FOUND)}…` : text;
}

let queue: Promise<void> = Promise.resolve();

/**
 * Notes unreadable settings (`found`: from describeFound), each once (the
 * same value found again is not noted twice). Calls in one context are queued, so none overwrites another.
 */
export function reportProblems(found: { setting: SettingName; found: string }[]): Promise<void> {
  const run = async () => {
    const problems = await getProblems();
    let changed = false;
    for (const { setting, found: text } of found) {
      console.warn(`Context Lens: the stored setting "${setting}" was unreadable (${text}); it was reset to its default.`);
      if (problems.some((p) => p.setting === setting && p.found === text)) continue;
      problems.push({ setting, found: text, at: new Date().toISOString() });
      changed = true;
    }
    if (changed) await problemsItem.setValue(problems.slice(-MAX_PROBLEMS));
  };
  queue = queue.then(run, run);
  return queue;
}
