#!/usr/bin/env node
// The `tickki-sandbox` command. A committed file rather than dist/cli.js itself, so that npm can
// link the command when it installs the repository's workspaces, before anything is built.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('tickki-sandbox: not built yet; run `npm run build -w @tickki/sandbox` (or `npm start`) first.');
  process.exit(1);
}
await import(cli.href);
