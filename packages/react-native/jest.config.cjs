/**
 * Jest with React Native's preset: native parts through React Native's own jest mocks, AsyncStorage
 * and NetInfo through their packages' jest mocks, the network real (a sandbox per test file).
 * The browser test (react-native-web in Chromium) and the pure unit tests run in vitest.
 */
module.exports = {
  preset: '@react-native/jest-preset',
  testMatch: ['<rootDir>/test/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setup.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.js'],
  // sources import './x.js' (NodeNext style); the files are .ts/.tsx
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // the README's examples import the package by name
    '^@tickki/chat-react-native$': '<rootDir>/src/index.ts',
  },
  // the async-storage jest mock is ESM: let babel transform it
  transformIgnorePatterns: [
    'node_modules/(?!((jest-)?react-native|@react-native(-community|-async-storage)?|@testing-library/react-native|react-native-safe-area-context)/)',
  ],
  testTimeout: 60_000,
  maxWorkers: 2,
};
