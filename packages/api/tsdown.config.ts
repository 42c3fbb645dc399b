import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

const WITHOUT_SSE = fileURLToPath(new URL('./src/without-sse.ts', import.meta.url));

/** The shared build, with the generated client's unused SSE module replaced (see src/without-sse.ts). */
export default defineConfig({
  ...shared,
  plugins: [
    {
      name: 'tickki:without-sse',
      resolveId(source: string) {
        return /\/core\/serverSentEvents\.gen(\.js|\.ts)?$/.test(source) ? WITHOUT_SSE : null;
      },
    },
  ],
});
