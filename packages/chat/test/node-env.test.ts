import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// Traps every browser global: reading one records it, unless the reader is pusher-js (its bundled
// tweetnacl feature-checks \`typeof self\` at import; nothing of ours).
const traps = `
const touched = [];
for (const name of ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'self']) {
  Object.defineProperty(globalThis, name, { configurable: true, get() {
    if (!/node_modules[\\\\/]pusher-js/.test(new Error().stack.split('\\n')[2])) touched.push(name);
    return undefined;
  } });
}
`;

function run(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', traps + code], { cwd: root, encoding: 'utf8' }).trim();
}

describe('no DOM in Node', () => {
  it('importing (ESM and CJS) touches no window, document or storage', () => {
    expect(run(`await import('@tickki/chat'); console.log(JSON.stringify(touched));`)).toBe('[]');
    expect(
      run(`import { createRequire } from 'node:module'; createRequire(import.meta.url)('@tickki/chat'); console.log(JSON.stringify(touched));`),
    ).toBe('[]');
  });

  it('a chat created in Node uses memory storage and never reads window or localStorage', () => {
    const out = run(`
      const { TickkiChat, getAnalytics } = await import('@tickki/chat');
      const chat = new TickkiChat({ publishableKey: 'pk_test_x', baseUrl: 'http://127.0.0.1:9' });
      getAnalytics(chat).track('e');
      chat.dispose();
      console.log(JSON.stringify([...new Set(touched)]));
    `);
    const touched = JSON.parse(out) as string[];
    expect(touched).not.toContain('window');
    expect(touched).not.toContain('localStorage');
  });
});
