import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// The browser suites share one machine's Chromium: run the files one after another.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({ test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000, hookTimeout: 180_000 } }),
);
