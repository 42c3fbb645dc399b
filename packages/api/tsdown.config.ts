import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';
import shared from '../../tsdown.shared.ts';

const standIn = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

/** Generated modules the API never needs, and what the published build puts in their place. */
const STAND_INS: Array<[RegExp, string]> = [
  // server-sent events: the API has no event-stream operation (see src/without-sse.ts)
  [/\/core\/serverSentEvents\.gen(\.js|\.ts)?$/, standIn('without-sse.ts')],
  // array and object parameters: the API has none (see src/scalar-params-only.ts)
  [/(^|\/)pathSerializer\.gen(\.js|\.ts)?$/, standIn('scalar-params-only.ts')],
];

/** The shared build, with the generated client's unused parts replaced at build time. */
export default defineConfig({
  ...shared,
  plugins: [
    {
      name: 'tickki:stand-ins',
      resolveId(source: string) {
        return STAND_INS.find(([pattern]) => pattern.test(source))?.[1] ?? null;
      },
    },
  ],
});
