import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/**
 * React Native, React, our packages and the optional native packages stay imports of the app. The
 * entry says `'use client'`, which rolldown keeps at the top of an entry's output (see
 * `packages/react/tsdown.config.ts`).
 */
export default defineConfig({
  ...shared,
  checks: { moduleLevelDirective: false },
  external: ['react', 'react/jsx-runtime', 'react-native', /^@tickki\//, /^@react-native/, 'react-native-safe-area-context', /^pusher-js/],
});
