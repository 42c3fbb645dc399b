/**
 * Which pusher-js an app gets, from the installed tarballs. `@tickki/chat-realtime` imports it as
 * `#pusher` (package.json `imports`): Vite, building an app for browsers, bundles the websocket-only
 * build for the widget's lazily loaded chat and for `@tickki/chat`, and nothing of pusher-js's web
 * build; Node gets pusher-js itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const app = inject('app');

/** Only the websocket-only build has these (its stand-ins for what Tickki never uses); only pusher-js's own builds have the HTTP transports. */
const WEBSOCKET_ONLY = 'is not part of this build';
const HTTP_TRANSPORTS = /xhr_streaming|xhr_polling/;

describe('pusher-js in an app', () => {
  it('Vite, building for browsers, bundles the websocket-only pusher-js for the widget and @tickki/chat, and not the web build', () => {
    const dir = join(app, 'vite-pusher');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="./main.js"></script>\n');
    writeFileSync(join(dir, 'main.js'), "import '@tickki/chat-widget';\nimport { TickkiChat } from '@tickki/chat';\nglobalThis.TickkiChat = TickkiChat;\n");
    execFileSync(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build', dir, '--logLevel', 'error'], { cwd: app, stdio: 'pipe' });
    const assets = join(dir, 'dist/assets');
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const code = chunks.map((f) => readFileSync(join(assets, f), 'utf8'));
    expect(chunks.length, 'the widget loads its chat as a chunk of its own').toBeGreaterThan(1);
    expect(code.filter((c) => c.includes(WEBSOCKET_ONLY))).toHaveLength(1);
    expect(chunks.filter((_, i) => HTTP_TRANSPORTS.test(code[i]!))).toEqual([]);
  });

  it('Node resolves #pusher to pusher-js itself', () => {
    const realtime = createRequire(join(app, 'node_modules/@tickki/chat-realtime/package.json'));
    expect(realtime.resolve('#pusher')).toMatch(/@tickki\/chat-realtime\/dist\/pusher\.cjs$/);
    expect(realtime('#pusher')).toBe(realtime('pusher-js'));
    expect(readFileSync(realtime.resolve('pusher-js'), 'utf8')).toMatch(HTTP_TRANSPORTS);
  });
});
