/** Bundles the page with esbuild the way a react-native-web app builds: `react-native` → `react-native-web`, `.web.*` files first. */
import { build } from 'esbuild';
import { resolve } from 'node:path';

export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(__dirname, 'app.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    alias: { 'react-native': 'react-native-web' },
    resolveExtensions: ['.web.tsx', '.web.ts', '.web.js', '.tsx', '.ts', '.js', '.json'],
    // native-only optional packages: absent on the web (the screen never loads them there)
    external: ['@react-native-async-storage/async-storage', '@react-native-community/netinfo', 'pusher-js/react-native', 'react-native-safe-area-context'],
    define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false', global: 'globalThis' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
