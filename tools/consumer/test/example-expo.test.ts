/**
 * examples/expo from the tarballs: its native peers are the versions `npx expo install` picks for
 * Expo 57 (`expo install --check`), it type-checks, and `expo export` bundles it with Metro for
 * Android and iOS, offline, with no resolution warning, into Hermes bytecode that holds our code.
 * No emulator or device exists here: nothing runs the bundles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleSuite } from '../src/example-suite.ts';
import { exampleEnv, filesUnder, run } from '../src/examples.ts';

const suite = exampleSuite('expo', { chat: false });
/** Expo's CLI without the network: versions from the installed expo package, no update checks. */
const offline = () => exampleEnv({ EXPO_OFFLINE: '1' });
/** The first bytes of every Hermes bytecode file (its magic number, little-endian). */
const HERMES_MAGIC = Buffer.from([0xc6, 0x1f, 0xbc, 0x03, 0xc1, 0x03, 0x19, 0x1f]);

describe('examples/expo (Expo 57, React Native 0.86), from the tarballs', () => {
  it('pins the native peers at the versions `npx expo install` picks for this Expo (expo install --check), and type-checks', async () => {
    const { dir } = suite.example;
    const pinned = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    for (const peer of ['@react-native-community/netinfo', '@react-native-async-storage/async-storage', 'react-native-safe-area-context', 'react', 'react-native']) {
      const installed = (JSON.parse(readFileSync(join(dir, 'node_modules', peer, 'package.json'), 'utf8')) as { version: string }).version;
      expect(pinned[peer], `${peer} is pinned to an exact version`).toBe(installed);
    }
    await suite.timings.time('checks', async () => {
      expect(await run('npx', ['expo', 'install', '--check'], dir, offline(), 120_000)).toMatch(/Dependencies are up to date/);
      expect((await run('npx', ['tsc', '--noEmit'], dir, offline(), 120_000)).trim(), 'tsc diagnostics').toBe('');
    });
  }, 260_000);

  it('expo export bundles it with Metro for Android and iOS, offline and without a warning, as Hermes bytecode holding our code', async () => {
    const { dir } = suite.example;
    const output = await suite.timings.time('export', () => run('npx', ['expo', 'export', '--platform', 'android', '--platform', 'ios'], dir, offline(), 600_000));
    expect(output).toMatch(/Android Bundled/);
    expect(output).toMatch(/iOS Bundled/);
    // Metro resolves our packages through their react-native condition: no "Unable to resolve", no warning of any kind.
    expect(output.split('\n').filter((line) => /warn|unable to resolve|could not be resolved|not found|deprecated/i.test(line))).toEqual([]);
    for (const platform of ['android', 'ios']) {
      const bundles = filesUnder(join(dir, 'dist/_expo/static/js', platform), /\.hbc$/);
      expect(bundles, `${platform}: one Hermes bundle`).toHaveLength(1);
      const bytes = readFileSync(bundles[0]!);
      expect(bytes.subarray(0, 8).equals(HERMES_MAGIC), `${platform}: Hermes bytecode`).toBe(true);
      // Hermes keeps string literals as they are: our API client's header and the key from .env are in there.
      expect(bytes.includes('X-Tickki-Session'), `${platform}: @tickki/chat-api is in the bundle`).toBe(true);
      expect(bytes.includes('pk_test_tickki_sandbox'), `${platform}: the app's .env is in the bundle`).toBe(true);
    }
  }, 620_000);
});
