import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/** React Native, React, our packages and the optional native packages stay imports of the app. */
export default defineConfig({
  ...shared,
  external: ['react', 'react/jsx-runtime', 'react-native', /^@tickki\//, /^@react-native/, 'react-native-safe-area-context', /^pusher-js/],
});
