import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

/** Pure logic (src/*.test.ts) and the react-native-web screen in Chromium (test/web); the React Native tests run in jest. */
export default mergeConfig(sharedTestConfig, defineConfig({ test: { include: ['src/**/*.test.ts', 'test/web/*.test.ts'], testTimeout: 90_000 } }));
