import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/** Two entries: the hooks (`.`) and the React-free core shared with the web widget (`./core`). */
export default defineConfig({
  ...shared,
  entry: ['src/index.ts', 'src/core.ts'],
  external: ['react', 'react-dom', /^@tickki\//],
});
