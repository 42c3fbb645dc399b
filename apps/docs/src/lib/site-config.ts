/**
 * What the site is built from. Everything here can be overridden from the environment, so the
 * tests can rebuild the site from a changed copy of the document into a scratch folder.
 */
import { resolve } from 'node:path';

/** The repository root (`astro` runs in `apps/docs`; this module is bundled, so no `import.meta.url`). */
export const repoRoot = resolve(process.env.DOCS_REPO_ROOT ?? resolve(process.cwd(), '../..'));

/** The canonical OpenAPI document (`DOCS_OPENAPI` overrides it). */
export const openapiPath = resolve(process.env.DOCS_OPENAPI ?? resolve(repoRoot, 'openapi/tickki-chat-api.yaml'));

/**
 * The packages of the SDK reference, in sidebar order: each one's public entry point
 * (`src/index.ts`) is documented, internal exports stay out. Adding a package to the
 * reference is one more line here.
 */
export const sdkPackages = [
  'packages/chat',
  'packages/realtime',
  'packages/api',
  'packages/ui',
  'packages/react',
  'packages/widget',
  'packages/react-native',
];

/** The base path the site is served under (`DOCS_BASE`, e.g. `/docs/`); default `/`. */
export const basePath = process.env.DOCS_BASE ?? '/';

/** Where `astro build` writes the site (`DOCS_OUT_DIR`); default `apps/docs/dist`. */
export const outDir = process.env.DOCS_OUT_DIR;

/** `DOCS_SDK=0` leaves the SDK reference out (a faster build for tests of the API reference). */
export const withSdkReference = process.env.DOCS_SDK !== '0';
