/** Babel for Jest only (the package itself builds with tsdown): React Native's preset, TypeScript included. */
module.exports = { presets: ['module:@react-native/babel-preset'] };
