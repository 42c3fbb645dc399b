import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';
import { minifyCss } from './build-css.ts';

/**
 * The package for bundlers: `.` (defines `<tickki-chat>`; the chat panel is a separate chunk) and
 * `./react`. The script-tag build is made by `build-script.ts`. `./react` says `'use client'`, which
 * rolldown keeps at the top of an entry's output (see `packages/react/tsdown.config.ts`). The CSS
 * ships minified (`build-css.ts`): an app's bundler minifies the code, not the CSS in its strings.
 */
export default defineConfig({
  ...shared,
  checks: { moduleLevelDirective: false },
  entry: ['src/index.ts', 'src/react.tsx'],
  platform: 'browser',
  external: ['react', 'preact', /^preact\//, /^@tickki\//],
  plugins: [minifyCss()],
});
