#!/usr/bin/env node
// Adds up the vitest JSON reports of every workspace and prints one closing line:
// "Tests: N passed, N failed, N skipped", after the time each example app took (tools/consumer).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0, failed = 0, skipped = 0;
const rows = [];
for (const group of ['packages', 'apps', 'tools']) {
  if (!existsSync(join(root, group))) continue;
  for (const name of readdirSync(join(root, group))) {
    const file = join(root, group, name, '.vitest/report.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    rows.push(`  ${group}/${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  }
}
console.log(rows.join('\n'));
// The example apps' time in npm test (install, build, browser), written by tools/consumer's example tests.
const examples = join(root, 'tools/consumer/.vitest/examples');
if (existsSync(examples)) {
  const lines = readdirSync(examples).filter((f) => f.endsWith('.json')).sort().map((f) => `  ${JSON.parse(readFileSync(join(examples, f), 'utf8')).summary}`);
  if (lines.length) console.log(`Example apps from the tarballs (time each adds):\n${lines.join('\n')}`);
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
