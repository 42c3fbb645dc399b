import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/**
 * The screen model and its parts (`.`), and the UI strings: all tables with `chatStrings()`
 * (`./strings` → `dist/languages.js`) and one module per language (`./strings/<language>` →
 * `dist/lang/<language>.js`), so a page loads only the language it shows. Unbundled (one output file per source module): an app's bundler then drops
 * whole modules it does not use (`sideEffects: false`), so the widget's launcher can take `textOn`
 * without the screen model and `@tickki/chat` it imports.
 */
export default defineConfig({
  ...shared,
  unbundle: true,
  // one entry per table: the LANGUAGES of src/locale.ts (src/strings.test.ts checks the exports list them all)
  entry: ['src/index.ts', 'src/languages.ts', ...['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl', 'tr', 'ru', 'ja', 'zh', 'ko', 'hi', 'id', 'ar', 'he'].map((language) => `src/lang/${language}.ts`)],
  external: [/^@tickki\//],
});
