#!/usr/bin/env node
/**
 * Bundles an app entry that imports this package with Metro, as an iOS release build does
 * (package exports on, React Native's conditions), to check how Metro sees the package: the
 * `react-native` export (CommonJS build), pusher-js's React Native build, and optional packages.
 * Packages named on the command line are treated as not installed; the bundle must still build.
 * React and React Native themselves are left out (they are the app's), which keeps it quick.
 *
 *   node test/metro/bundle.cjs @react-native-async-storage/async-storage react-native-safe-area-context
 *
 * Not part of `npm test` (Metro takes 10–40 s here); run it after changing how the package loads
 * its optional dependencies.
 */
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const Metro = require('metro');
const { getDefaultConfig } = require('metro-config');

const packageRoot = path.resolve(__dirname, '../..');
const repoRoot = path.resolve(packageRoot, '../..');
const missing = new Set(process.argv.slice(2));

(async () => {
  const base = await getDefaultConfig(packageRoot);
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'tickki-metro-')), 'bundle.js');
  const config = {
    ...base,
    projectRoot: packageRoot,
    watchFolders: [repoRoot],
    resolver: {
      ...base.resolver,
      unstable_enablePackageExports: true,
      unstable_conditionNames: ['require', 'import', 'react-native'],
      resolverMainFields: ['react-native', 'browser', 'main'],
      resolveRequest(context, name, platform) {
        if (name === 'react' || name.startsWith('react/') || name === 'react-native') return { type: 'empty' };
        if (missing.has(name)) throw new Error(`${name} is not installed`);
        return context.resolveRequest(context, name, platform);
      },
    },
    transformer: { ...base.transformer, babelTransformerPath: require.resolve('metro-babel-transformer') },
    watcher: { ...base.watcher, useWatchman: false },
    cacheStores: [],
    maxWorkers: 2,
    reporter: { update: () => undefined },
  };
  const started = Date.now();
  await Metro.runBuild(config, { entry: path.join(__dirname, 'entry.js'), platform: 'ios', dev: false, minify: true, out });
  const code = readFileSync(out, 'utf8');
  rmSync(path.dirname(out), { recursive: true, force: true });
  const checks = {
    'the screen is in': code.includes('tickki-chat'),
    "pusher-js's React Native build (NetInfo) is in": code.includes('RNCNetInfo'),
    'the CommonJS build was used (not the ESM one with its require shim)': !code.includes("doesn't expose the `require` function"),
    ...(missing.has('react-native-safe-area-context') ? { 'safe-area-context left out': !code.includes('RNCSafeAreaContext') } : {}),
  };
  for (const [what, ok] of Object.entries(checks)) console.log(`${ok ? 'ok ' : 'NOT'} ${what}`);
  console.log(`Metro: ${Date.now() - started} ms, ${Math.round(code.length / 1024)} KB minified (React and React Native excluded)`);
  process.exit(Object.values(checks).every(Boolean) ? 0 : 1);
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
