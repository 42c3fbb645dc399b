import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/** Two entries: the public API and `./internal`, what only the Tickki packages share. */
export default defineConfig({ ...shared, entry: ['src/index.ts', 'src/internal.ts'] });
