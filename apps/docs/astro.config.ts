import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightOpenAPI, { openAPISidebarGroups } from 'starlight-openapi';
import starlightTypeDoc, { typeDocSidebarGroup } from 'starlight-typedoc';
import { referenceDocumentPath, writeReferenceDocument } from './src/lib/reference-document.ts';
import { basePath, openapiPath, outDir, repoRoot, sdkPackages, withSdkReference } from './src/lib/site-config.ts';

export default defineConfig({
  base: basePath,
  trailingSlash: 'always',
  ...(outDir ? { outDir } : {}),
  telemetry: false,
  integrations: [
    starlight({
      title: 'Tickki Chat SDKs',
      description: 'TypeScript SDKs for the Tickki Chat SDK API: guides, the HTTP API reference and the SDK reference.',
      favicon: '/favicon.svg',
      lastUpdated: false,
      pagination: false,
      customCss: ['./src/styles/site.css'],
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      plugins: [
        starlightOpenAPI([
          {
            base: 'api',
            // each security scheme once per operation (see reference-document.ts)
            schema: writeReferenceDocument(openapiPath, referenceDocumentPath(fileURLToPath(new URL('.', import.meta.url)))),
            sidebar: { label: 'HTTP API', collapsed: false, operations: { badges: true } },
          },
        ]),
        ...(withSdkReference
          ? [
              starlightTypeDoc({
                entryPoints: sdkPackages.map((dir) => resolve(repoRoot, dir)),
                output: 'sdk',
                sidebar: { label: 'SDK reference', collapsed: true },
                typeDoc: {
                  name: 'SDK reference',
                  entryPointStrategy: 'packages',
                  packageOptions: {
                    entryPoints: ['src/index.ts'],
                    excludeInternal: true,
                    disableSources: true,
                    readme: 'none',
                  },
                  excludeInternal: true,
                  disableSources: true,
                  readme: 'none',
                  logLevel: 'Error',
                  skipErrorChecking: true,
                  // One page per package: a page per member would put ~200 links in every page's sidebar (16 MB of HTML).
                  outputFileStrategy: 'modules',
                  // Explicit anchors: the plugin's guess of the heading ids Starlight generates is off for some types.
                  useHTMLAnchors: true,
                },
              }),
            ]
          : []),
      ],
      sidebar: [
        {
          label: 'Start here',
          items: [
            { label: 'Introduction', link: '/' },
            { label: 'Quickstart: Node', link: '/guides/quickstart-node/' },
            { label: 'Quickstart: browser (headless)', link: '/guides/quickstart-browser/' },
            { label: 'Quickstart: widget (script tag)', link: '/guides/widget-script-tag/' },
            { label: 'Quickstart: widget (bundler)', link: '/guides/widget-bundler/' },
            { label: 'Quickstart: React', link: '/guides/quickstart-react/' },
            { label: 'Quickstart: React Native', link: '/guides/quickstart-react-native/' },
            { label: 'The generated client alone', link: '/guides/generated-client/' },
          ],
        },
        {
          label: 'Concepts',
          items: [
            { label: 'Sessions and the visitor id', link: '/guides/sessions/' },
            { label: 'Realtime and gap fill', link: '/guides/realtime/' },
            { label: 'Errors and retries', link: '/guides/errors/' },
            { label: 'Sending: the outbox and exactly once', link: '/guides/outbox/' },
            { label: 'Storage and the app lifecycle', link: '/guides/storage-and-lifecycle/' },
            { label: 'Theming and branding the widget', link: '/guides/widget-theming/' },
            { label: 'Languages', link: '/guides/languages/' },
            { label: 'Consent and privacy', link: '/guides/consent/' },
            { label: 'Coming from the Flutter SDK', link: '/guides/flutter-concept-map/' },
          ],
        },
        {
          label: 'Testing',
          items: [{ label: 'Testing with the sandbox', link: '/guides/testing/' }],
        },
        {
          label: 'Reference',
          items: [
            { label: 'Error codes', link: '/reference/error-codes/' },
            { label: 'Realtime events', link: '/reference/realtime/' },
            { label: 'Limits and sizes', link: '/limits/' },
            { label: 'Changelog', link: '/changelog/' },
            { label: 'Try it (interactive)', link: '/try-it/' },
          ],
        },
        ...openAPISidebarGroups,
        ...(withSdkReference ? [typeDocSidebarGroup] : []),
      ],
    }),
  ],
});
