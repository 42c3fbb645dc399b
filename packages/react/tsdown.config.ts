import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/** The hooks (`.`), the React-free core shared with the web widget (`./core`), and one module per language of the UI strings. */
export default defineConfig({
  ...shared,
  entry: { index: 'src/index.ts', core: 'src/core.ts', strings: 'src/languages.ts', 'strings-en': 'src/lang/en.ts', 'strings-fr': 'src/lang/fr.ts', 'strings-de': 'src/lang/de.ts' },
  external: ['react', 'react-dom', /^@tickki\//],
});
