#!/usr/bin/env node
// `npm test`: build both browsers' extensions, typecheck, then every vitest
// project (unit + real-browser e2e). Ends with one plain line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
const RESULTS = '.test-results.json';
const started = Date.now();

function step(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`✖ ${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

step('build for Chrome (MV3)', 'npx', ['wxt', 'build']);
step('build for Firefox (MV2)', 'npx', ['wxt', 'build', '-b', 'firefox']);
step('typecheck', 'npx', ['tsc', '--noEmit']);

rmSync(RESULTS, { force: true });
console.log('\n▶ vitest: unit and real-browser tests');
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
let passed = 0;
let failed = 0;
if (existsSync(RESULTS)) {
  const json = JSON.parse(readFileSync(RESULTS, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numFailedTestSuites > 0 && json.numFailedTests === 0 ? json.numFailedTestSuites : 0);
} else {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
