#!/usr/bin/env node
// Usage: lockfile-check <committed-lockfile> [installed-lockfile]
// With one argument the installed lockfile is ./package-lock.json. Exits 1 on real drift.
import { readFileSync } from 'node:fs';
import { compareLockfiles } from './check.mjs';

const [committedPath, installedPath = 'package-lock.json'] = process.argv.slice(2);
if (!committedPath) {
  console.error('usage: lockfile-check <committed-lockfile> [installed-lockfile]');
  process.exit(2);
}
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const { problems, tolerated } = compareLockfiles(read(committedPath), read(installedPath));
for (const line of tolerated) console.log(`lockfile: ${line}`);
if (problems.length > 0) {
  console.error(`lockfile: npm install changed what the committed lockfile locks (${problems.length}):`);
  for (const line of problems) console.error(`  ${line}`);
  console.error('Run `npm install` and commit package-lock.json, or restore the package.json you changed.');
  process.exit(1);
}
console.log('lockfile: every locked package installed as committed');
