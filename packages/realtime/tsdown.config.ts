import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

/**
 * Two entries: the public API and `./internal`, what only the Tickki packages share. `#pusher` stays
 * an import: the app's bundler or Node resolves it through the package's `imports`, by condition.
 */
export default defineConfig({ ...shared, entry: ['src/index.ts', 'src/internal.ts'], external: ['#pusher'] });
