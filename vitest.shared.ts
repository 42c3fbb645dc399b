import { defineConfig } from 'vitest/config';

/**
 * Settings every workspace's vitest config extends: node environment, generous timeouts for the
 * tests that start real servers, and a JSON report that `tools/test-summary.mjs` adds up.
 */
export const sharedTestConfig = defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000, // browser flows on a 2-core machine running every package's tests at once; each step has its own shorter wait
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.vitest/report.json' }]],
  },
});
