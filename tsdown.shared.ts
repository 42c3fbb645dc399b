import { defineConfig } from 'tsdown';

/** How every published package builds: ESM + CJS + .d.ts from src/index.ts, for any JS platform. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
});
