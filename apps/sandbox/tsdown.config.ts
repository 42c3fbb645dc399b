import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  // @tickki/chat-api is a dev dependency used for types only: tsdown inlines those types into
  // index.d.ts, so the published package needs nothing of ours (`npx @tickki/sandbox` in an empty folder).
  dts: true,
  platform: 'node',
  target: 'node20',
  clean: true,
  fixedExtension: false,
});
