/** `web-ext lint` (addons.mozilla.org's linter) on the Firefox build: no errors, and every warning explained in the README. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FIREFOX_BUILD, ROOT } from './harness';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

/** `npm run lint:firefox` with JSON output (it exits non-zero when there are errors: the report is read either way). */
function lint(): Promise<LintReport> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'lint:firefox', '--', '--output', 'json'], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`web-ext lint gave no JSON report:\n${out}\n${err}`));
      }
    });
  });
}

/** The README's "Firefox lint warnings" subsection. */
function lintSection(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### Firefox lint warnings');
  expect(start, 'README.md has a "### Firefox lint warnings" subsection').toBeGreaterThanOrEqual(0);
  const end = readme.slice(start + 1).search(/\n##/);
  return end < 0 ? readme.slice(start) : readme.slice(start, start + 1 + end);
}

it('web-ext lint finds no errors in the Firefox build, and the README explains each warning it gives', { timeout: 180_000 }, async () => {
  expect(existsSync(join(FIREFOX_BUILD, 'manifest.json')), 'build the extension first (npm run build)').toBe(true);
  const report = await lint();
  expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
  const section = lintSection();
  for (const warning of report.warnings) expect(section, `README explains ${warning.code} (${warning.file})`).toContain(`\`${warning.code}\``);
});
