import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

/** The pure helpers only: the Lighthouse runs themselves are a benchmark (`npm run bench`), not a test. */
export default mergeConfig(sharedTestConfig, defineConfig({ test: { include: ['src/**/*.test.ts'] } }));
