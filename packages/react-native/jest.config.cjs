/**
 * Jest with React Native's preset: components render through React Native's own jest mocks of
 * its native parts; AsyncStorage and NetInfo through their packages' jest mocks; the network is real
 * (a sandbox per test file, fetch and WebSocket from Node).
 */
module.exports = {
  preset: '@react-native/jest-preset',
  testMatch: ['<rootDir>/test/**/*.test.tsx', '<rootDir>/src/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/test/setup.js'],
  // sources import './x.js' (NodeNext style); the files are .ts/.tsx
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // the async-storage jest mock and the hooks of other workspaces are ESM: let babel transform them
  transformIgnorePatterns: [
    'node_modules/(?!((jest-)?react-native|@react-native(-community|-async-storage)?|@testing-library/react-native|react-native-safe-area-context)/)',
  ],
  testTimeout: 30_000,
  maxWorkers: 2,
};
