import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/**
 * The hooks (`.`), the React-free core shared with the web widget (`./core`), and one module per
 * language of the UI strings (re-exports of `@tickki/chat-ui`, which holds them). `.` is a client
 * module: rolldown keeps the `'use client'` of an entry module at the top of its output, so its
 * warning about module directives is off (the consumer test `client-directive.test.ts` checks the
 * built files).
 */
export default defineConfig({
  ...shared,
  checks: { moduleLevelDirective: false },
  entry: { index: 'src/index.ts', core: 'src/core.ts', strings: 'src/strings.ts', 'strings-en': 'src/strings-en.ts', 'strings-fr': 'src/strings-fr.ts', 'strings-de': 'src/strings-de.ts' },
  external: ['react', 'react-dom', /^@tickki\//],
});
