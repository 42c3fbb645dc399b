import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/**
 * The package for bundlers: `.` (defines `<tickki-chat>`; the chat panel is a separate chunk) and
 * `./react`. The script-tag build is made by `build-script.ts`.
 */
export default defineConfig({
  ...shared,
  entry: ['src/index.ts', 'src/react.tsx'],
  platform: 'browser',
  external: ['react', 'preact', /^preact\//, /^@tickki\//],
});
